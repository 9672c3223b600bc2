package dev.gatehouse.cache.web;

import static dev.gatehouse.common.web.PlainAnswer.sentence;

import dev.gatehouse.cache.boundary.CacheService;
import dev.gatehouse.cache.boundary.CacheService.Written;
import dev.gatehouse.cache.control.ArtifactStore;
import dev.gatehouse.cache.control.ArtifactStore.Artifact;
import dev.gatehouse.cache.control.CacheMetrics;
import dev.gatehouse.cache.control.IncompleteBodyException;
import dev.gatehouse.cache.control.ReadLog;
import dev.gatehouse.cache.control.UsageCounts;
import dev.gatehouse.cache.control.UsageCounts.Outcome;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.cache.entity.Writer;
import dev.gatehouse.config.Settings;
import dev.gatehouse.config.Sizes;
import dev.gatehouse.security.CachePrincipals;
import dev.gatehouse.security.Roles;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code GET} and {@code PUT /nx/{nxCloudId}/v1/cache/{hash}}, Nx's self-hosted remote cache. A
 * plain servlet rather than JAX-RS, because this is the hot path and JAX-RS costs two to three
 * times more per small request here. Every refusal is a plain-text sentence: nx prints a 401's body
 * to the person.
 *
 * <p>The roles were given by the authentication module for the workspace in the path. A read is
 * allowed by {@code isUserInRole} alone and served from the {@link ArtifactStore} without an EJB
 * call, which cost a fifth of a hit; a caller the workspace trusts looks in the trusted tier only,
 * anyone else in the trusted tier and then the untrusted one. A write goes through {@link CacheService}, whose {@code @RolesAllowed} guards it;
 * the servlet asks for the same role first to pick the sentence, and because a refused EJB call
 * costs an exception and a logged stack trace, which a flood of anonymous requests must not buy.
 */
@WebServlet(urlPatterns = {"/nx/*", "/v1/*"})
public class CacheServlet extends HttpServlet {

    /** The request attribute where the authentication module leaves the caller as an upload's {@link Writer}. */
    public static final String WRITER = "dev.gatehouse.cache.writer";

    private static final long serialVersionUID = 1L;
    private static final int BUFFER = 64 * 1024;

    @EJB
    private transient CacheService cache;

    @Inject
    private transient ReadLog reads;

    @Inject
    private transient UsageCounts usage;

    @Inject
    private transient ArtifactStore store;

    @Inject
    private transient CacheMetrics metrics;

    private long maxBytes;

    @Override
    public void init() {
        maxBytes = Settings.fromEnvironment().cacheMaxBytes();
    }

    /**
     * nx sends only GET and PUT; anything else is told so in a sentence, not with the container's HTML
     * 501. GETs and PUTs are timed for the metrics.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            String method = request.getMethod();
            if ("GET".equals(method) || "PUT".equals(method) || "HEAD".equals(method)) {
                super.service(request, response);
                return;
            }
            response.setHeader("Allow", "GET, PUT");
            refuse(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The cache answers GET and PUT only, not " + method + ".");
        } finally {
            metrics.took(request.getMethod(), System.nanoTime() - started);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachePath path = validPath(request, response);
        if (path == null) {
            return;
        }
        if (!request.isUserInRole(Roles.WORKSPACE_READER)) {
            refuseAccess(request, response, false);
            return;
        }
        CacheKey key = new CacheKey(path.nxCloudId(), path.hash());
        Optional<Opened> opened = open(request, key);
        if (opened.isEmpty()) {
            count(path.nxCloudId(), Outcome.MISS, 0);
            sentence(response, HttpServletResponse.SC_NOT_FOUND, "No artifact with this hash in this workspace.");
            return;
        }
        Artifact artifact = opened.get().artifact();
        reads.read(key, artifact.tier());
        count(path.nxCloudId(), Outcome.HIT, artifact.size());
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(artifact.size());
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = opened.get().in()) {
            OutputStream out = response.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
        }
    }

    /** In the workspace's usage, and in the server's metrics. */
    private void count(String nxCloudId, Outcome outcome, long bytes) {
        usage.count(nxCloudId, outcome, bytes);
        metrics.count(outcome, bytes);
    }

    private record Opened(Artifact artifact, InputStream in) {
    }

    /**
     * Empty for a miss, and when the artifact went since it was found (purged, evicted) or the store
     * or its records failed: a 404, which nx carries on after, never a 5xx, which fails the build.
     */
    private Optional<Opened> open(HttpServletRequest request, CacheKey key) {
        try {
            Optional<Artifact> artifact = store.find(key, Tier.readBy(request.isUserInRole(Roles.WORKSPACE_TRUSTED)));
            return artifact.isEmpty() ? Optional.empty() : Optional.of(new Opened(artifact.get(), artifact.get().source().open()));
        } catch (IOException | RuntimeException unreadable) {
            CacheRefusals.log(request, HttpServletResponse.SC_NOT_FOUND, "its bytes were unreadable, answered as a miss: " + unreadable);
            return Optional.empty();
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachePath path = validPath(request, response);
        if (path == null) {
            return;
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Send the artifact with a Content-Length header.");
            return;
        }
        if (length > maxBytes) {
            // Counted for callers who may see the workspace: others must not grow the counts' memory.
            if (request.isUserInRole(Roles.WORKSPACE_READER)) {
                count(path.nxCloudId(), Outcome.REFUSED_TOO_LARGE, 0);
            }
            // 403, not 413: nx fails the whole run after a 413, and carries on after a 403.
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "This artifact has " + length + " bytes; this server"
                    + " accepts at most " + maxBytes + " (" + Settings.CACHE_MAX_BYTES + "), so it was not stored."
                    + " The build goes on without caching it.");
            return;
        }
        if (!request.isUserInRole(Roles.WORKSPACE_WRITER)) {
            if (request.isUserInRole(Roles.WORKSPACE_READER)) {
                count(path.nxCloudId(), Outcome.REFUSED_READ_ONLY, 0);
            }
            refuseAccess(request, response, true);
            return;
        }
        Written written;
        try {
            written = cache.write(path.nxCloudId(), path.hash(), request.getInputStream(), length,
                    (Writer) request.getAttribute(WRITER), request.getRemoteAddr());
        } catch (IncompleteBodyException incomplete) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, incomplete.getMessage());
            return;
        }
        count(path.nxCloudId(), switch (written) {
            case STORED -> Outcome.STORED;
            case EXISTS -> Outcome.REFUSED_EXISTING;
            case OVER_WORKSPACE_LIMIT -> Outcome.REFUSED_TOO_LARGE;
            case NOT_RECORDED, NO_SPACE, STORAGE_FAILED -> Outcome.REFUSED_STORAGE;
        }, written == Written.STORED ? length : 0);
        switch (written) {
            case STORED -> sentence(response, HttpServletResponse.SC_OK, "Stored.");
            case EXISTS -> refuse(request, response, HttpServletResponse.SC_CONFLICT,
                    "This hash is stored already. Cache entries are never replaced, so that no one can poison them.");
            case OVER_WORKSPACE_LIMIT -> refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "This artifact has "
                    + Sizes.format(length) + ", more than this workspace's storage limit, so it was not stored. The build"
                    + " goes on without caching it; an admin of its organization can raise the limit on the workspace's page.");
            // 403, which nx tolerates: a failure of ours must not fail the build.
            case NOT_RECORDED -> refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "The artifact was not kept: its"
                    + " workspace was deleted during the upload, or the server could not record it. The build goes on.");
            case NO_SPACE -> refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "The artifact was not stored: the"
                    + " server's cache folder is out of space. The build goes on without caching it; the server's"
                    + " operator can free space there (its /health says how much is left).");
            case STORAGE_FAILED -> refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "The artifact was not stored:"
                    + " the server could not write it (the cause is in its log). The build goes on without caching it.");
        }
    }

    private static CachePath validPath(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachePath path = CachePath.of(request);
        if (path == null) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "This is not a cache address. Set "
                    + "NX_SELF_HOSTED_REMOTE_CACHE_SERVER to http://<this server>/nx/<your nxCloudId>.");
            return null;
        }
        if (!CacheKey.isValidHash(path.hash())) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "A cache hash is 1 to " + CacheKey.HASH_MAX + " letters, digits, '-' or '_'.");
            return null;
        }
        return path;
    }

    /** Read-only callers who try to write get 403, which nx tolerates; everyone else 401, which it prints. */
    private static void refuseAccess(HttpServletRequest request, HttpServletResponse response, boolean writing)
            throws IOException {
        if (writing && request.isUserInRole(Roles.WORKSPACE_READER)) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "This workspace is read-only for you: the artifact"
                    + " was not stored. An admin of its organization can change the access level.");
        } else if (CachePrincipals.isWorkspaceToken(request.getRemoteUser())) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "This workspace access token belongs to another"
                    + " workspace. Use the token made for this one, or check NX_SELF_HOSTED_REMOTE_CACHE_SERVER.");
        } else if (CachePrincipals.ANONYMOUS.equals(request.getRemoteUser())) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "This workspace does not allow anonymous access. Run"
                    + " `gatehouse login` and set NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN to your personal access token.");
        } else {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Your personal access token does not give access to"
                    + " this workspace: you are not a member of its organization, and it does not admit others by"
                    + " its id. Ask an admin of the organization to add you.");
        }
    }

    /** A refusal: its sentence to the client, its line to the log ({@link CacheRefusals}). */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String sentence)
            throws IOException {
        CacheRefusals.log(request, status, sentence);
        sentence(response, status, sentence);
    }
}
