package dev.gatehouse.cache.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Reads {@code /nx/{nxCloudId}/v1/cache/{hash}} from a request's decoded, normalized path (never
 * the raw URI, which may hide {@code ..} behind encoding). Empty segments are skipped, because nx
 * joins its server URL and the path without trimming slashes ({@code …/nx/ID//v1/cache/…}). The
 * hash is returned as sent; {@link dev.gatehouse.cache.entity.CacheKey} decides if it is valid.
 */
public record CachePath(String nxCloudId, String hash) {

    /** Compiled once: {@code String.split} with this pattern would compile it on every request. */
    private static final Pattern SLASHES = Pattern.compile("/+");

    public static CachePath of(HttpServletRequest request) {
        String info = request.getPathInfo();
        return of(request.getServletPath() + (info == null ? "" : info));
    }

    static CachePath of(String path) {
        String[] segments = SLASHES.split(path, -1);
        int first = segments.length > 0 && segments[0].isEmpty() ? 1 : 0;
        if (segments.length - first != 5 || !"nx".equals(segments[first]) || !"v1".equals(segments[first + 2])
                || !"cache".equals(segments[first + 3]) || segments[first + 4].isEmpty()) {
            return null;
        }
        return new CachePath(segments[first + 1], segments[first + 4]);
    }
}
