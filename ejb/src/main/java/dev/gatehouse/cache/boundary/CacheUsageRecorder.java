package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.control.UsageCounts;
import dev.gatehouse.cache.control.UsageCounts.Taken;
import jakarta.annotation.PostConstruct;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * Adds the cache's counts to the day's usage every {@value #SECONDS} seconds: one batch of writes
 * for however many requests. Counts that could not be written are given back for the next batch.
 */
@Singleton
@Startup
@DependsOn("Database")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheUsageRecorder {

    static final int SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(CacheUsageRecorder.class.getName());

    @Resource
    TimerService timers;

    @EJB
    CacheUsageBook book;

    @Inject
    UsageCounts counts;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(SECONDS * 1000L, SECONDS * 1000L, new TimerConfig("cache usage", false));
    }

    @Timeout
    void record() {
        List<Taken> batch = counts.take();
        if (batch.isEmpty()) {
            return;
        }
        try {
            book.add(batch, CacheUsageBook.today());
        } catch (RuntimeException failed) {
            counts.giveBack(batch);
            LOG.warning(() -> "The cache's usage counts could not be written and wait for the next batch: " + failed);
        }
    }
}
