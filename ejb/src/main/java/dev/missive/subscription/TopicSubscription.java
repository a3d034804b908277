package dev.missive.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An integration engine's subscription to the message-sent topic, and where its delivery
 * stands: the events numbered so far, the last one its endpoint accepted, the failures in a row
 * and when to try next. A node delivers it only while it holds the claim; a claim that lapses
 * (its node stopped mid-attempt) is free for any node, so delivery survives a restart.
 */
@Entity
@Table(name = "topic_subscription")
public class TopicSubscription {

    /** The longest wait between two attempts, however many failed. */
    static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(nullable = false, length = 1000)
    private String endpoint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SubscriptionStatus status;

    @Embedded
    private MessageFilter filter;

    @Column(name = "heartbeat_seconds")
    private Integer heartbeatSeconds;

    @Column(name = "events_since_start", nullable = false)
    private long eventsSinceStart;

    @Column(name = "delivered_through", nullable = false)
    private long deliveredThrough;

    @Column(nullable = false)
    private int failures;

    @Column(name = "next_attempt", nullable = false)
    private Instant nextAttempt;

    @Column(name = "heartbeat_due")
    private Instant heartbeatDue;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(nullable = false)
    private Instant created;

    protected TopicSubscription() {}

    public TopicSubscription(String id, String owner, NewSubscription request, Instant now) {
        this.id = id;
        this.owner = owner;
        this.endpoint = request.endpoint();
        this.filter = request.filter();
        this.heartbeatSeconds = request.heartbeatSeconds();
        this.status = SubscriptionStatus.REQUESTED;
        this.nextAttempt = now;
        this.created = now;
    }

    /** The next event: numbers rise by one per subscription, never reused. */
    SubscriptionEvent nextEvent(String messageId, Instant occurred) {
        eventsSinceStart++;
        return new SubscriptionEvent(id, eventsSinceStart, messageId, occurred);
    }

    /** What to post now, claimed for this node until {@code until}: the handshake, pending events, or a heartbeat. */
    SubscriptionNotification claim(String node, Instant until, List<SubscriptionEvent> pending) {
        claimedBy = node;
        claimedUntil = until;
        NotificationType type = status == SubscriptionStatus.REQUESTED
                ? NotificationType.HANDSHAKE
                : pending.isEmpty() ? NotificationType.HEARTBEAT : NotificationType.EVENT_NOTIFICATION;
        return new SubscriptionNotification(
                id,
                endpoint,
                status,
                type,
                eventsSinceStart,
                type == NotificationType.EVENT_NOTIFICATION ? pending : List.of(),
                until);
    }

    /** Whether this node still holds the claim that notification was made under. */
    boolean heldFor(String node, SubscriptionNotification notification) {
        return node.equals(claimedBy) && notification.claimedUntil().equals(claimedUntil);
    }

    /** The endpoint accepted it: active, caught up to its last event, the next heartbeat a period from now. */
    void delivered(SubscriptionNotification notification, Instant now) {
        status = SubscriptionStatus.ACTIVE;
        deliveredThrough = Math.max(deliveredThrough, notification.lastEventNumber());
        failures = 0;
        nextAttempt = now;
        heartbeatDue = heartbeatSeconds == null ? null : now.plusSeconds(heartbeatSeconds);
        release();
    }

    /**
     * The endpoint refused it or did not answer: tried again after {@code firstDelay} doubled per
     * failure in a row (at most {@link #MAX_RETRY_DELAY}), or in error after {@code maxAttempts}.
     */
    void failed(Instant now, Duration firstDelay, int maxAttempts) {
        failures++;
        if (failures >= maxAttempts) {
            status = SubscriptionStatus.ERROR;
        } else {
            Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - 1, 20));
            nextAttempt = now.plus(delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay);
        }
        release();
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    public String getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public SubscriptionStatus getStatus() {
        return status;
    }

    public MessageFilter getFilter() {
        return filter;
    }

    public Integer getHeartbeatSeconds() {
        return heartbeatSeconds;
    }

    public long getEventsSinceStart() {
        return eventsSinceStart;
    }

    public long getDeliveredThrough() {
        return deliveredThrough;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }
}
