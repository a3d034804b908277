package dev.missive.persistence;

import dev.missive.domain.Party;
import dev.missive.notification.NotificationDelivery;
import dev.missive.notification.NotificationDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaNotificationDeliveryRepository implements NotificationDeliveryRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<NotificationDelivery> find(String messageId, Party recipient) {
        return Optional.ofNullable(em.find(
                NotificationDelivery.class,
                new NotificationDelivery.Key(messageId, recipient),
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(NotificationDelivery delivery) {
        em.persist(delivery);
        em.flush();
    }

    @Override
    public void remove(NotificationDelivery delivery) {
        em.remove(delivery);
    }
}
