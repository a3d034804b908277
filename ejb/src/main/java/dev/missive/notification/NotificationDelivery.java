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

/** That a recipient was emailed about a message: at most one row per message and recipient. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private Instant delivered;

    protected NotificationDelivery() {}

    public NotificationDelivery(String messageId, Party recipient, Instant delivered) {
        this.key = new Key(messageId, recipient);
        this.delivered = delivered;
    }

    public Key getKey() {
        return key;
    }

    public Instant getDelivered() {
        return delivered;
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
