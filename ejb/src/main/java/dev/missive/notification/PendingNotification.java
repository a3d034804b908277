package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A notification request committed with its message, kept until its listener is done with it.
 * Once relayed it names the node whose JMS queue holds it: that queue is in the node's own
 * journal, so if the node is gone another relays the request again. At most one per message and
 * recipient, like the delivery record it leads to.
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

    @Column(name = "relayed_by", length = 100)
    private String relayedBy;

    private Instant relayed;

    protected PendingNotification() {}

    public PendingNotification(NotificationRequested request, Instant requested) {
        this.key = new NotificationDelivery.Key(request.messageId(), request.recipient());
        this.conversationId = request.conversationId();
        this.requested = requested;
    }

    /** On that node's queue since then. */
    public void relayedBy(String node, Instant at) {
        relayedBy = node;
        relayed = at;
    }

    public String getRelayedBy() {
        return relayedBy;
    }

    public NotificationRequested request() {
        return new NotificationRequested(key.getMessageId(), conversationId, key.getRecipient());
    }
}
