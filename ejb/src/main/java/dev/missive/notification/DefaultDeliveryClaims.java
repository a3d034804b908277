package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultDeliveryClaims implements DeliveryClaims {

    @Inject
    NotificationDeliveryRepository deliveries;

    @Inject
    Clock clock;

    @Override
    public DeliveryClaim claim(NotificationRequested request) {
        Optional<NotificationDelivery> earlier = deliveries.find(request.messageId(), request.recipient());
        if (earlier.isEmpty()) {
            deliveries.add(new NotificationDelivery(request.messageId(), request.recipient(), clock.instant()));
            return DeliveryClaim.NEW;
        }
        return earlier.get().isSent() ? DeliveryClaim.SENT : DeliveryClaim.IN_DOUBT;
    }

    @Override
    public void sent(NotificationRequested request) {
        deliveries
                .find(request.messageId(), request.recipient())
                .orElseThrow(() -> new IllegalStateException("Marked sent without a claim"))
                .markSent(clock.instant());
    }

    @Override
    public void release(NotificationRequested request) {
        deliveries.find(request.messageId(), request.recipient()).ifPresent(deliveries::remove);
    }
}
