package dev.missive.notification;

import dev.missive.domain.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim on emailing a recipient about a message, at most one per message and recipient:
 * committed before the SMTP conversation by the node that makes the attempt, marked sent once
 * the relay accepted the email. A claim never marked sent whose attempt is over is in doubt: it
 * stopped during the conversation, and the email may or may not have gone out.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private Instant claimed;

    private Instant sent;

    /** The node whose attempt holds the claim; none on claims made before nodes were recorded. */
    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    protected NotificationDelivery() {}

    public NotificationDelivery(String messageId, Party recipient, String node, Instant claimed) {
        this.key = new Key(messageId, recipient);
        this.claimedBy = node;
        this.claimed = claimed;
    }

    public Key getKey() {
        return key;
    }

    public boolean isSent() {
        return sent != null;
    }

    public Optional<String> claimedBy() {
        return Optional.ofNullable(claimedBy);
    }

    public Instant getClaimed() {
        return claimed;
    }

    /** An attempt on that node takes over a claim in doubt. */
    public void takeOver(String node, Instant at) {
        claimedBy = node;
        claimed = at;
    }

    public void markSent(Instant at) {
        sent = at;
    }

    /** The message and the recipient. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "message_id", nullable = false, length = 64)
        private String messageId;

        @Embedded
        private Party recipient;

        protected Key() {}

        public Key(String messageId, Party recipient) {
            this.messageId = Objects.requireNonNull(messageId);
            this.recipient = Objects.requireNonNull(recipient);
        }

        public String getMessageId() {
            return messageId;
        }

        public Party getRecipient() {
            return recipient;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && messageId.equals(other.messageId) && recipient.equals(other.recipient);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, recipient);
        }
    }
}
