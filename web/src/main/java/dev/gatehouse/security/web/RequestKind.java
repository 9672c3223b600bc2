package dev.gatehouse.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * What a request is for, by its path alone: the mechanism authenticates each kind its own way.
 *
 * <p>Payara routes and authorizes on the decoded, normalized path, so that is the path classified.
 * A raw path that would be classified differently ({@code /api/%2e%2e/profile}, {@code /%61pi/me})
 * is a disguise, and so is any raw path with dot segments, encoded dots, slashes or backslashes, or
 * path parameters: no address of ours has them, and the container resolves them in ways a reader
 * of the raw path does not expect. Disguises are refused before anything else happens.
 */
enum RequestKind {
    /** {@code /nx/…}: nx's remote cache, by bearer token or anonymously. */
    CACHE,
    /** {@code /api/…}, and {@code /metrics} for Prometheus: programs by bearer token, or the browser's session. */
    API,
    /** Everything else: pages and static files, by session only. */
    PAGE;

    private static final Pattern TRICKS = Pattern.compile("(^|/)\\.{1,2}(/|$)|%2e|%2f|%5c|\\\\|;", Pattern.CASE_INSENSITIVE);
    /** Compiled once: {@code String.replaceAll} would compile it on every request. */
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    /** True when the raw path hides what it is, or names another kind than the path Payara routes on. */
    static boolean isDisguised(String rawPath, String normalizedPath) {
        return TRICKS.matcher(rawPath).find() || ofPath(SLASHES.matcher(rawPath).replaceAll("/")) != ofPath(normalizedPath);
    }

    static RequestKind ofPath(String path) {
        if (path.startsWith("/nx/") || path.startsWith("/v1/")) {
            return CACHE;
        }
        return path.startsWith("/api/") || path.equals("/metrics") || path.startsWith("/metrics/") ? API : PAGE;
    }

    /** The decoded path within the application, as the container routed it. */
    static String normalizedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }
}
