package dev.missive.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Moves a batch of pending requests from the outbox to the queue in one transaction over both:
 * a request leaves the outbox exactly when it is on the queue.
 */
@Stateless
@PermitAll
public class OutboxBatch {

    @Inject
    PendingNotificationRepository outbox;

    @Inject
    NotificationQueue queue;

    /** Relays up to {@code limit} requests; answers how many, so that a full batch is followed by another. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relay(int limit) {
        List<PendingNotification> claimed = outbox.claim(limit);
        for (PendingNotification pending : claimed) {
            queue.send(pending.request());
            outbox.remove(pending);
        }
        return claimed.size();
    }
}
