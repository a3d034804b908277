package dev.missive.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One sent message a subscription is told of, numbered from 1 per subscription. */
@Entity
@Table(name = "subscription_event")
public class SubscriptionEvent {

    @EmbeddedId
    private Key key;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(nullable = false)
    private Instant occurred;

    protected SubscriptionEvent() {}

    public SubscriptionEvent(String subscriptionId, long number, String messageId, Instant occurred) {
        this.key = new Key(subscriptionId, number);
        this.messageId = messageId;
        this.occurred = occurred;
    }

    public long getNumber() {
        return key.eventNumber;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getOccurred() {
        return occurred;
    }

    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "subscription_id", nullable = false, length = 64)
        private String subscriptionId;

        @Column(name = "event_number", nullable = false)
        private long eventNumber;

        protected Key() {}

        Key(String subscriptionId, long eventNumber) {
            this.subscriptionId = subscriptionId;
            this.eventNumber = eventNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && eventNumber == other.eventNumber
                    && subscriptionId.equals(other.subscriptionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subscriptionId, eventNumber);
        }
    }
}
