package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.boundary.EvictionSteps.Removed;
import dev.gatehouse.cache.control.ArtifactFiles;
import dev.gatehouse.cache.control.CacheMetrics;
import dev.gatehouse.cache.control.ReadLog;
import dev.gatehouse.config.Settings;
import dev.gatehouse.config.Sizes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keeps the cache within its limits, in the background and never on a request thread: every
 * {@code GATEHOUSE_CACHE_EVICTION_SECONDS} it writes the noted reads to the entries' last use, then
 * removes entries unused for {@code GATEHOUSE_CACHE_MAX_IDLE_DAYS}, then the least recently used
 * entries of each workspace over its limit and, when the whole cache is over the server's limit,
 * of all workspaces, each time until 10 % under the limit; then it notes what each workspace holds
 * for the usage plots. With several nodes one runs it at a time (a lease in the database). What it
 * removed is logged.
 */
@Singleton
@Startup
@DependsOn("Database")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheEviction {

    private static final Logger LOG = Logger.getLogger(CacheEviction.class.getName());
    private static final int BATCH = 1000;

    @Resource
    TimerService timers;

    @EJB
    EvictionSteps steps;

    @EJB
    CacheUsageBook usage;

    @Inject
    ReadLog reads;

    @Inject
    CacheMetrics metrics;

    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private Duration interval;
    private long workspaceLimit;
    private long totalLimit;
    private Duration maxIdle;

    @PostConstruct
    void schedule() {
        Settings settings = Settings.fromEnvironment();
        interval = Duration.ofSeconds(settings.cacheEvictionSeconds());
        workspaceLimit = settings.cacheWorkspaceLimit();
        maxIdle = Duration.ofDays(settings.cacheMaxIdleDays());
        totalLimit = settings.cacheTotalLimit().orElseGet(() -> settings.cacheInS3() ? Long.MAX_VALUE
                : defaultTotalLimit(settings.cacheFolder()));
        LOG.info(() -> "Cache limits: " + Sizes.format(workspaceLimit) + " per workspace unless its admins set another ("
                + Settings.CACHE_WORKSPACE_LIMIT + "), " + (totalLimit == Long.MAX_VALUE ? "no limit" : Sizes.format(totalLimit)) + " for the whole cache ("
                + Settings.CACHE_TOTAL_LIMIT + "), entries unused for " + maxIdle.toDays() + " days go ("
                + Settings.CACHE_MAX_IDLE_DAYS + "); checked every " + interval.toSeconds() + " s.");
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("cache eviction", false));
    }

    @PreDestroy
    void letGo() {
        try {
            steps.releaseLease(node);
        } catch (RuntimeException databaseGone) {
            LOG.fine(() -> "The eviction's lease runs out by itself: " + databaseGone);
        }
    }

    /**
     * 80 % of what the cache could use: the file system's free space now, and what the cache holds. A
     * bucket has no such bound: there, only {@code GATEHOUSE_CACHE_TOTAL_LIMIT} sets one.
     */
    private long defaultTotalLimit(Path cacheFolder) {
        long usable;
        try {
            usable = ArtifactFiles.usableSpace(cacheFolder);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot measure the free space of " + cacheFolder + "; no server-wide cache limit: " + e);
            return Long.MAX_VALUE;
        }
        return (usable + steps.held()) / 10 * 8;
    }

    @Timeout
    void run() {
        try {
            Instant now = Instant.now();
            steps.recordReads(reads.drain(), now);
            if (!steps.takeLease(node, interval.multipliedBy(3))) {
                return;
            }
            Removed idle = repeat(() -> steps.removeUnusedSince(now.minus(maxIdle), BATCH));
            EvictionSteps.Holdings holdings = steps.holdings(workspaceLimit);
            Removed overWorkspaces = holdings.overLimit().stream()
                    .map(excess -> free(excess.workspaceId(), excess.bytes())).reduce(Removed.NOTHING, Removed::plus);
            long held = holdings.total() - overWorkspaces.bytes();
            Removed overTotal = held > totalLimit ? free(null, held - EvictionSteps.limitWithRoom(totalLimit)) : Removed.NOTHING;
            usage.recordHoldings(CacheUsageBook.today());
            metrics.held(held - overTotal.bytes(), holdings.entries() - overWorkspaces.entries() - overTotal.entries());
            metrics.evicted(idle.entries() + overWorkspaces.entries() + overTotal.entries());
            if (idle.entries() + overWorkspaces.entries() + overTotal.entries() > 0) {
                long millis = Duration.between(now, Instant.now()).toMillis();
                LOG.info(() -> "Cache eviction, " + millis + " ms: " + describe(idle) + " unused for " + maxIdle.toDays() + " days, "
                        + describe(overWorkspaces) + " over workspace limits, " + describe(overTotal)
                        + " over the server's limit.");
            }
        } catch (RuntimeException failed) {
            LOG.warning(() -> "Cache eviction failed this time and runs again in " + interval.toSeconds() + " s: " + failed);
        }
    }

    private Removed free(Long workspaceId, long bytes) {
        Removed freed = Removed.NOTHING;
        while (freed.bytes() < bytes) {
            Removed step = steps.removeLeastRecentlyUsed(workspaceId, bytes - freed.bytes(), BATCH);
            if (step.entries() == 0) {
                break;
            }
            freed = freed.plus(step);
        }
        return freed;
    }

    private static Removed repeat(Supplier<Removed> step) {
        Removed total = Removed.NOTHING;
        for (Removed one = step.get(); one.entries() > 0; one = step.get()) {
            total = total.plus(one);
        }
        return total;
    }

    private static String describe(Removed removed) {
        return removed.entries() + " entries (" + Sizes.format(removed.bytes()) + ")";
    }
}
