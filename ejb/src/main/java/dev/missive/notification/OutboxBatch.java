package dev.missive.notification;

import dev.missive.cluster.Membership;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Puts a batch of pending requests on this node's queue in one transaction over both: a request
 * is marked relayed by this node exactly when it is on its queue. The rows stay until the
 * listener is done with them, so a request on the queue of a node that died is not lost with its
 * journal: once that node is gone, a relay on any node finds the row and relays it again. A node
 * never relays again what it relayed itself while it is alive, nor after a restart under the
 * same name: its journal still holds those requests and delivers them again.
 */
@Stateless
@PermitAll
public class OutboxBatch {

    @Inject
    PendingNotificationRepository outbox;

    @Inject
    NotificationQueue queue;

    @Inject
    Membership membership;

    @Inject
    Clock clock;

    /** Relays up to {@code limit} requests; answers how many, so that a full batch is followed by another. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relay(int limit) {
        List<PendingNotification> claimed = outbox.claim(membership.alive(), limit);
        for (PendingNotification pending : claimed) {
            queue.send(pending.request());
            pending.relayedBy(membership.self(), clock.instant());
        }
        return claimed.size();
    }
}
