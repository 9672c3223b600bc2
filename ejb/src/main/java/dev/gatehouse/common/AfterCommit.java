package dev.gatehouse.common;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work outside the database that must follow a change only once it is committed, such as deleting
 * the files of deleted cache entries: a rolled-back change keeps its files.
 */
@Dependent
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void run(Runnable work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
