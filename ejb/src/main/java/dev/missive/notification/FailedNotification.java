package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notification request that failed its last attempt, recorded by the listener in the database
 * rather than left in one node's dead-letter queue, so that any node lists and replays it.
 */
@Entity
@Table(name = "failed_notification")
public class FailedNotification {

    @EmbeddedId
    private NotificationDelivery.Key key;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private Instant queued;

    @Column(nullable = false)
    private Instant failed;

    protected FailedNotification() {}

    public FailedNotification(NotificationRequested request, int attempts, Instant queued, Instant failed) {
        this.key = new NotificationDelivery.Key(request.messageId(), request.recipient());
        this.conversationId = request.conversationId();
        this.attempts = attempts;
        this.queued = queued;
        this.failed = failed;
    }

    public NotificationRequested request() {
        return new NotificationRequested(key.getMessageId(), conversationId, key.getRecipient());
    }

    public DeadLetter deadLetter() {
        return new DeadLetter(key.getMessageId(), conversationId, key.getRecipient(), attempts, queued);
    }
}
