package dev.missive.persistence;

import dev.missive.domain.PartyType;
import dev.missive.notification.PendingNotification;
import dev.missive.notification.PendingNotificationRepository;
import dev.missive.thread.NotificationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
    public List<PendingNotification> claim(Set<String> alive, int limit) {
        return em.createQuery(
                        "select p from PendingNotification p where p.key.recipient.type in :known"
                                + " and (p.relayedBy is null or p.relayedBy not in :alive) order by p.requested",
                        PendingNotification.class)
                // A row of a kind this version cannot read (a newer version's) would fail the whole
                // batch, every time: it is left for a node that reads it, the others go on.
                .setParameter("known", EnumSet.allOf(PartyType.class))
                .setParameter("alive", alive)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void remove(NotificationRequested request) {
        em.createQuery("delete from PendingNotification p where p.key.messageId = :message"
                        + " and p.key.recipient.type = :type and p.key.recipient.id = :id")
                .setParameter("message", request.messageId())
                .setParameter("type", request.recipient().type())
                .setParameter("id", request.recipient().id())
                .executeUpdate();
    }
}
