package dev.missive.subscription;

import java.time.Instant;
import java.util.List;

/**
 * One notification for a subscription: to post (claimed by a node until {@code claimedUntil},
 * which it reports back with), or to answer {@code $status} and {@code $events} with.
 */
public record SubscriptionNotification(
        String subscriptionId,
        String endpoint,
        SubscriptionStatus status,
        NotificationType type,
        long eventsSinceStart,
        List<SubscriptionEvent> events,
        Instant claimedUntil) {

    /** The last event it carries, or 0. */
    public long lastEventNumber() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).getNumber();
    }
}
