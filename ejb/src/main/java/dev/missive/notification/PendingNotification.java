package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notification request committed with its message and not yet on the JMS queue. At most one
 * per message and recipient, like the delivery record it leads to.
 */
@Entity
@Table(name = "pending_notification")
public class PendingNotification {

    @EmbeddedId
    private NotificationDelivery.Key key;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Column(nullable = false)
    private Instant requested;

    protected PendingNotification() {}

    public PendingNotification(NotificationRequested request, Instant requested) {
        this.key = new NotificationDelivery.Key(request.messageId(), request.recipient());
        this.conversationId = request.conversationId();
        this.requested = requested;
    }

    public NotificationRequested request() {
        return new NotificationRequested(key.getMessageId(), conversationId, key.getRecipient());
    }
}
