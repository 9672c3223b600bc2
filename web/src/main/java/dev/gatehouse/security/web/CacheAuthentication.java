package dev.gatehouse.security.web;

import dev.gatehouse.cache.control.CacheMetrics;
import dev.gatehouse.cache.control.CacheMetrics.Authentication;
import dev.gatehouse.cache.entity.Writer;
import dev.gatehouse.cache.web.CachePath;
import dev.gatehouse.cache.web.CacheServlet;
import dev.gatehouse.security.CachePrincipals;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.boundary.BearerCheck;
import dev.gatehouse.token.boundary.TokenLastUse;
import dev.gatehouse.token.entity.PersonalAccessToken;
import dev.gatehouse.token.entity.TokenFormat;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.NxCloudId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cache's part of {@link GatehouseAuthModule}. It names the caller (the owner of a presented
 * personal access token, a workspace access token, or {@link CachePrincipals#ANONYMOUS}), decides
 * their level on the workspace in the path and whether it trusts them with one read
 * ({@link CacheAccessLookup}), and hands the container the matching workspace roles; the cache
 * service then refuses, and picks the tier, by those roles alone. Who wrote an upload goes to the
 * servlet as a request attribute, for the entry's provenance.
 * Nothing is remembered between requests. Every refusal says why, in the API's own sentences.
 */
final class CacheAuthentication {

    private static final Logger LOG = Logger.getLogger(CacheAuthentication.class.getName());

    private final CacheAccessLookup lookup;
    private final BearerAuthentication bearer;
    private final TokenLastUse lastUse;

    CacheAuthentication(CacheAccessLookup lookup, BearerAuthentication bearer, TokenLastUse lastUse) {
        this.lookup = lookup;
        this.bearer = bearer;
        this.lastUse = lastUse;
    }

    /** The caller and their workspace roles; null when refused, and then the response says why. */
    Identity identify(HttpServletRequest request, HttpServletResponse response) {
        CachePath path = CachePath.of(request);
        // An id that cannot exist costs no query: such a caller gets nothing, like one of an unknown workspace.
        String nxCloudId = path != null && NxCloudId.isWellFormed(path.nxCloudId()) ? path.nxCloudId() : null;
        try {
            if (!BearerAuthentication.isPresented(request)) {
                CacheMetrics.authenticated(Authentication.ANONYMOUS);
                request.setAttribute(CacheServlet.WRITER, Writer.ANONYMOUS);
                return new Identity(CachePrincipals.ANONYMOUS,
                        Roles.forLevel(nxCloudId == null ? AccessLevel.NONE : lookup.anonymous(nxCloudId)));
            }
            String presented = BearerAuthentication.presentedToken(request, response);
            if (presented == null) {
                CacheMetrics.authenticated(Authentication.MALFORMED);
                return null;
            }
            if (presented.startsWith(TokenFormat.WORKSPACE_PREFIX)) {
                return workspaceToken(presented, nxCloudId, request, response);
            }
            if (TokenFormat.check(presented, TokenFormat.PERSONAL_PREFIX) == TokenFormat.Check.WELL_FORMED) {
                Optional<CacheAccessLookup.PersonalToken> found = lookup.personal(presented,
                        nxCloudId == null ? "" : nxCloudId, Instant.now());
                Authentication outcome = found.isEmpty() ? Authentication.UNKNOWN : switch (found.get().status()) {
                    case REVOKED -> Authentication.REVOKED;
                    case EXPIRED -> Authentication.EXPIRED;
                    case ACTIVE -> Authentication.VALID;
                };
                CacheMetrics.authenticated(outcome);
                if (outcome == Authentication.VALID) {
                    return person(found.get(), request);
                }
                BearerCheck.Refused refused = switch (outcome) {
                    case REVOKED -> BearerCheck.revoked();
                    case EXPIRED -> BearerCheck.expired(found.get().expiresAt());
                    default -> BearerCheck.unknown();
                };
                BearerAuthentication.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, refused.sentence());
                return null;
            }
        } catch (SQLException e) {
            CacheMetrics.authenticated(Authentication.LOOKUP_FAILED);
            // The cache never fails a build by accident: nx carries on after a GET 404 and a PUT 403.
            LOG.log(Level.WARNING, "The cache's access lookup failed; answered as a miss or a refused upload", e);
            BearerAuthentication.refuse(response, "PUT".equals(request.getMethod()) ? HttpServletResponse.SC_FORBIDDEN
                    : HttpServletResponse.SC_NOT_FOUND, "Gatehouse could not check access just now (its database did"
                    + " not answer), so nothing was read or stored. The build goes on without the remote cache.");
            return null;
        }
        // Not a well-formed personal token: the API's way gives the exact sentence (mistyped, not ours).
        String owner = bearer.tokenOwner(request, response);
        CacheMetrics.authenticated(owner == null ? Authentication.MALFORMED : Authentication.VALID);
        return owner == null ? null : new Identity(owner, Set.of(Roles.USER));
    }

    private Identity person(CacheAccessLookup.PersonalToken token, HttpServletRequest request) {
        Instant now = Instant.now();
        if (PersonalAccessToken.isUseWorthWriting(token.lastUsedAt(), now)) {
            lastUse.record(token.id(), now, request.getRemoteAddr());
        }
        request.setAttribute(CacheServlet.WRITER, Writer.person(token.username(), token.id()));
        Set<String> groups = groups(token.level(), token.trusted());
        groups.add(Roles.USER);
        return new Identity(token.username(), groups);
    }

    /** CI's token: its own level on its own workspace, none on any other; its principal names it. */
    private Identity workspaceToken(String presented, String nxCloudId, HttpServletRequest request,
            HttpServletResponse response) throws SQLException {
        Optional<CacheAccessLookup.WorkspaceToken> token =
                TokenFormat.check(presented, TokenFormat.WORKSPACE_PREFIX) == TokenFormat.Check.WELL_FORMED
                        ? lookup.workspaceToken(presented, nxCloudId == null ? "" : nxCloudId) : Optional.empty();
        CacheMetrics.authenticated(token.isPresent() ? Authentication.VALID : Authentication.UNKNOWN);
        if (token.isEmpty()) {
            BearerAuthentication.refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                    BearerCheck.unknownWorkspaceToken().sentence());
            return null;
        }
        request.setAttribute(CacheServlet.WRITER, Writer.workspaceToken(token.get().name(), token.get().id()));
        return new Identity(CachePrincipals.WORKSPACE_TOKEN + token.get().name(), groups(token.get().level(), token.get().trusted()));
    }

    private static Set<String> groups(AccessLevel level, boolean trusted) {
        Set<String> groups = new HashSet<>(Roles.forLevel(level));
        if (trusted) {
            groups.add(Roles.WORKSPACE_TRUSTED);
        }
        return groups;
    }
}
