package dev.missive.persistence;

import dev.missive.domain.Party;
import dev.missive.notification.NotificationDelivery;
import dev.missive.notification.NotificationDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaNotificationDeliveryRepository implements NotificationDeliveryRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public boolean delivered(String messageId, Party recipient) {
        return em.find(NotificationDelivery.class, new NotificationDelivery.Key(messageId, recipient)) != null;
    }

    @Override
    public void add(NotificationDelivery delivery) {
        em.persist(delivery);
        em.flush();
    }
}
