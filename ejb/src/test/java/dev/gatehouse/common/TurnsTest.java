package dev.gatehouse.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** H2's side of the turns: this JVM's lock stripes, held until the transaction that took one ends. */
class TurnsTest {

    private final Turns turns = new Turns();
    private final Transactions transactions = new Transactions();

    /** Left unread, the database is H2's. */
    @BeforeEach
    void onH2() {
        turns.transactions = transactions;
    }

    @Test
    void aSecondWriterWaitsUntilTheFirstTransactionEnds() throws Exception {
        transactions.begin();
        turns.take(null, "cache entry 1");
        CountDownLatch tookIt = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            transactions.begin();
            turns.take(null, "cache entry 1");
            tookIt.countDown();
            transactions.end();
        });
        second.start();
        assertFalse(tookIt.await(300, TimeUnit.MILLISECONDS), "the second writer waited for the first");
        transactions.end();
        assertTrue(tookIt.await(10, TimeUnit.SECONDS), "and had its turn once the first transaction ended");
        second.join();
    }

    @Test
    void aTransactionThatHoldsATurnTakesItAgainWithoutWaitingForItself() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            transactions.begin();
            turns.take(null, "cache usage 2026-11-29");
            turns.take(null, "cache usage 2026-11-29");
            transactions.end();
            transactions.begin();
            turns.take(null, "cache usage 2026-11-29");
            transactions.end();
        });
    }

    @Test
    void writersOfOneKeyNeverOverlap() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                done.add(writers.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        transactions.begin();
                        turns.take(null, "cache entry 2");
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.yield();
                        inside.decrementAndGet();
                        transactions.end();
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(0, overlaps.get(), "no two writers held the turn at once");
    }

    /** One transaction per thread, as a container's registry sees it. */
    private static final class Transactions implements TransactionSynchronizationRegistry {

        private final ThreadLocal<Map<Object, Object>> resources = new ThreadLocal<>();
        private final ThreadLocal<List<Synchronization>> synchronizations = new ThreadLocal<>();

        void begin() {
            resources.set(new HashMap<>());
            synchronizations.set(new ArrayList<>());
        }

        void end() {
            synchronizations.get().forEach(Synchronization::beforeCompletion);
            synchronizations.get().forEach(synchronization -> synchronization.afterCompletion(Status.STATUS_COMMITTED));
            resources.remove();
            synchronizations.remove();
        }

        @Override
        public Object getTransactionKey() {
            return resources.get();
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.get().put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get().get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            synchronizations.get().add(synchronization);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
