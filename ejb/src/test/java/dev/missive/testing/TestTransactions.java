package dev.missive.testing;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Container-managed transactions for unit tests: a service call runs in the caller's
 * transaction or a new one, commits when it returns and rolls back when it throws, and a
 * refusal inside a call that the outer one swallows still rolls everything back (as an EJB's
 * application exception marks the transaction). After a rollback the persistence context is
 * cleared, as the next request would start with a fresh one.
 */
public final class TestTransactions implements TransactionSynchronizationRegistry {

    private final EntityManager em;
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private boolean rollbackOnly;

    public TestTransactions(EntityManager em) {
        this.em = em;
    }

    /**
     * Runs the work in the current transaction, or in a new one. {@code refusalsRollBack}: an
     * exception the work throws marks the transaction for rollback (an EJB's call).
     */
    public <T> T required(boolean refusalsRollBack, Supplier<T> work) {
        if (em.getTransaction().isActive()) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                rollbackOnly |= refusalsRollBack;
                throw e;
            }
        }
        commitTestChanges();
        em.getTransaction().begin();
        T result;
        try {
            result = work.get();
            em.flush();
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        if (rollbackOnly) {
            rollback();
            throw new IllegalStateException("The transaction was marked for rollback by a refusal it swallowed");
        }
        em.getTransaction().commit();
        complete(Status.STATUS_COMMITTED);
        return result;
    }

    /**
     * What the test itself changed since the last call (an entry the integration engine edited,
     * say) was done before this request: it is committed first, not rolled back with it.
     */
    private void commitTestChanges() {
        em.getTransaction().begin();
        em.flush();
        em.getTransaction().commit();
    }

    private void rollback() {
        em.getTransaction().rollback();
        em.clear();
        complete(Status.STATUS_ROLLEDBACK);
    }

    private void complete(int status) {
        List<Synchronization> done = List.copyOf(synchronizations);
        synchronizations.clear();
        rollbackOnly = false;
        done.forEach(synchronization -> synchronization.afterCompletion(status));
    }

    @Override
    public void registerInterposedSynchronization(Synchronization synchronization) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("No transaction to synchronise with");
        }
        synchronizations.add(synchronization);
    }

    @Override
    public Object getTransactionKey() {
        return em.getTransaction().isActive() ? em.getTransaction() : null;
    }

    @Override
    public void putResource(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getTransactionStatus() {
        return em.getTransaction().isActive() ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    @Override
    public boolean getRollbackOnly() {
        return rollbackOnly;
    }
}
