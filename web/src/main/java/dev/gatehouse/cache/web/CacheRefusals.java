package dev.gatehouse.cache.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * The one log line of a refused or failed cache request, at INFO on its own logger
 * ({@code dev.gatehouse.cache.refused}): status, method, workspace id, hash, client address and why.
 * Never a header, so never a token. Hits, misses and stores log nothing: the hot path stays quiet,
 * and an operator who wonders why a build missed the cache greps one logger.
 */
public final class CacheRefusals {

    private static final Logger LOG = Logger.getLogger("dev.gatehouse.cache.refused");
    /** A path that is not a cache address is logged this far at most: a hostile one may be long. */
    private static final int PATH_SHOWN = 120;

    private CacheRefusals() {
    }

    public static void log(HttpServletRequest request, int status, String why) {
        CachePath path = CachePath.of(request);
        String what = path == null ? "path " + shortened(request.getRequestURI())
                : "workspace " + path.nxCloudId() + " hash " + shortened(path.hash());
        LOG.info(() -> "Cache " + request.getMethod() + " refused with " + status + ": " + what + " from "
                + request.getRemoteAddr() + ": " + why);
    }

    private static String shortened(String text) {
        return text.length() <= PATH_SHOWN ? text : text.substring(0, PATH_SHOWN) + "… (" + text.length() + " characters)";
    }
}
