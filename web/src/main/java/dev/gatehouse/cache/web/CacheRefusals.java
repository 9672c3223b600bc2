package dev.gatehouse.cache.web;

import dev.gatehouse.cache.control.CacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * The one log line of a refused or failed cache request, at INFO on its own logger
 * ({@code dev.gatehouse.cache.refused}): status, method, workspace id, hash, client address and why.
 * Never a header, so never a token. Hits, misses and stores log nothing: the hot path stays quiet,
 * and an operator who wonders why a build missed the cache greps one logger. A flood of refusals
 * (anyone can send one) writes {@value Budget#LINES_PER_SECOND} lines a second at most, and then
 * one line that counts the rest, so that nobody can fill the disk through the log.
 */
public final class CacheRefusals {

    private static final Logger LOG = Logger.getLogger("dev.gatehouse.cache.refused");
    /** A path that is not a cache address is logged this far at most: a hostile one may be long. */
    private static final int PATH_SHOWN = 120;
    private static final Budget BUDGET = new Budget();

    private CacheRefusals() {
    }

    public static void log(HttpServletRequest request, int status, String why) {
        CacheMetrics.refused(request.getMethod(), status);
        long unlogged = BUDGET.spend(System.currentTimeMillis() / 1000);
        if (unlogged < 0) {
            return;
        }
        if (unlogged > 0) {
            LOG.info(() -> unlogged + " more refused cache requests were not logged one by one (more than "
                    + Budget.LINES_PER_SECOND + " a second).");
        }
        CachePath path = CachePath.of(request);
        String what = path == null ? "path " + shortened(request.getRequestURI())
                : "workspace " + path.nxCloudId() + " hash " + shortened(path.hash());
        LOG.info(() -> "Cache " + request.getMethod() + " refused with " + status + ": " + what + " from "
                + request.getRemoteAddr() + ": " + why);
    }

    private static String shortened(String text) {
        return text.length() <= PATH_SHOWN ? text : text.substring(0, PATH_SHOWN) + "… (" + text.length() + " characters)";
    }

    /** So many lines a second; what is over is counted and told with the next line written. */
    static final class Budget {

        static final int LINES_PER_SECOND = 10;
        private long second = Long.MIN_VALUE;
        private int spent;
        private long unlogged;

        /**
         * @return -1 when this line must not be written; else how many went unlogged before it (to be
         * told first)
         */
        synchronized long spend(long now) {
            if (now != second) {
                second = now;
                spent = 0;
            }
            if (spent == LINES_PER_SECOND) {
                unlogged++;
                return -1;
            }
            spent++;
            long told = unlogged;
            unlogged = 0;
            return told;
        }
    }
}
