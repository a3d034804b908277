package dev.missive.persistence;

import dev.missive.notification.PendingNotification;
import dev.missive.notification.PendingNotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaPendingNotificationRepository implements PendingNotificationRepository {

    /** Hibernate's lock timeout for "skip locked": select ... for update skip locked. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void add(PendingNotification pending) {
        em.persist(pending);
    }

    @Override
    public List<PendingNotification> claim(int limit) {
        return em.createQuery("select p from PendingNotification p order by p.requested", PendingNotification.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void remove(PendingNotification pending) {
        em.remove(pending);
    }
}
