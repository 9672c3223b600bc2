package dev.gatehouse.common;

import dev.gatehouse.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Turns at creating a row that two writers may create at the same moment (an upload's record, a day's
 * first usage row), so that the second finds the first one's row instead of breaking a unique key. The
 * break would be caught, but EclipseLink logs every refused statement with its stack trace before anyone
 * can, and a race lost is an ordinary event of a cluster, not a failure. A turn lasts until the end of the
 * transaction that took it.
 */
@ApplicationScoped
public class Turns {

    /** "GH" and a 2: the first key of the turns' advisory locks (the schema's migration has its own). */
    private static final int ADVISORY_KEY = 0x47480002;
    private static final int STRIPES = 64;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Semaphore[] stripes = Stream.generate(() -> new Semaphore(1)).limit(STRIPES).toArray(Semaphore[]::new);
    private boolean postgres;

    @PostConstruct
    void readDatabase() {
        postgres = Settings.fromEnvironment().usesPostgres();
    }

    /** Waits for the turn at {@code what}, in the transaction of {@code em}. */
    public void take(EntityManager em, String what) {
        if (postgres) {
            // Every node's turn: PostgreSQL releases the lock when the transaction ends.
            em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(" + ADVISORY_KEY + ", hashtext(?1))")
                    .setParameter(1, what).getResultList();
            return;
        }
        // An H2 database is this one server's: the turn is this JVM's. A stripe already held by the
        // transaction is its own, or it would wait for itself.
        int index = Math.floorMod(what.hashCode(), STRIPES);
        String held = Turns.class.getName() + index;
        if (transactions.getResource(held) != null) {
            return;
        }
        Semaphore stripe = stripes[index];
        stripe.acquireUninterruptibly();
        transactions.putResource(held, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // held until the changes are committed or rolled back
            }

            @Override
            public void afterCompletion(int status) {
                stripe.release();
            }
        });
    }
}
