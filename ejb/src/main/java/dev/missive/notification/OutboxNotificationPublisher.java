package dev.missive.notification;

import dev.missive.service.AfterCompletion;
import dev.missive.thread.NotificationPublisher;
import dev.missive.thread.NotificationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Writes a notification request to the outbox in the caller's transaction, so that the message
 * and its notifications are one durable commit; once that commits, the relay puts it on the
 * queue. A rolled-back message leaves nothing to relay.
 */
@ApplicationScoped
public class OutboxNotificationPublisher implements NotificationPublisher {

    @Inject
    PendingNotificationRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Clock clock;

    @Override
    public void publish(NotificationRequested request) {
        outbox.add(new PendingNotification(request, clock.instant()));
        afterCompletion.onCommit(relay::wake);
    }
}
