package dev.missive.persistence;

import dev.missive.notification.FailedNotification;
import dev.missive.notification.FailedNotificationRepository;
import dev.missive.notification.NotificationDelivery;
import dev.missive.thread.NotificationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaFailedNotificationRepository implements FailedNotificationRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void addIfAbsent(FailedNotification failed) {
        NotificationRequested request = failed.request();
        if (em.find(FailedNotification.class, new NotificationDelivery.Key(request.messageId(), request.recipient()))
                == null) {
            em.persist(failed);
        }
    }

    @Override
    public List<FailedNotification> oldest(int limit) {
        return em.createQuery("select f from FailedNotification f order by f.failed", FailedNotification.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void remove(FailedNotification failed) {
        em.remove(failed);
    }
}
