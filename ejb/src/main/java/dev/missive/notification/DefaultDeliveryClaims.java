package dev.missive.notification;

import dev.missive.cluster.Membership;
import dev.missive.thread.NotificationRequested;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The claim is read locked, so that of two nodes finding the same claim in doubt one takes it over
 * and the other then finds it held. A claim made by another node is in doubt only once that
 * node's attempt cannot be running any more (it is gone, or restarted since): a live node's
 * claim is being worked on, and its own redelivery settles it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultDeliveryClaims implements DeliveryClaims {

    @Inject
    NotificationDeliveryRepository deliveries;

    @Inject
    Membership membership;

    @Inject
    Clock clock;

    @Override
    public DeliveryClaim claim(NotificationRequested request) {
        Optional<NotificationDelivery> earlier = deliveries.find(request.messageId(), request.recipient());
        if (earlier.isEmpty()) {
            deliveries.add(new NotificationDelivery(
                    request.messageId(), request.recipient(), membership.self(), clock.instant()));
            return DeliveryClaim.NEW;
        }
        NotificationDelivery claim = earlier.get();
        if (claim.isSent()) {
            return DeliveryClaim.SENT;
        }
        if (claim.claimedBy()
                .filter(node -> !node.equals(membership.self()))
                .filter(node -> membership.stillRunsSince(node, claim.getClaimed()))
                .isPresent()) {
            return DeliveryClaim.HELD;
        }
        claim.takeOver(membership.self(), clock.instant());
        return DeliveryClaim.IN_DOUBT;
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
