package dev.missive.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work on what the database does not roll back (files in the attachment store), run once the
 * current transaction has ended the way that makes it right.
 */
@ApplicationScoped
public class AfterCompletion {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void onCommit(Runnable work) {
        register(work, true);
    }

    public void onRollback(Runnable work) {
        register(work, false);
    }

    private void register(Runnable work, boolean whenCommitted) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the work depends on the outcome
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == whenCommitted) {
                    work.run();
                }
            }
        });
    }
}
