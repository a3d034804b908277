package dev.missive.subscription;

import dev.missive.thread.SentMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions and their events. */
public interface SubscriptionRepository {

    void add(TopicSubscription subscription);

    void add(SubscriptionEvent event);

    Optional<TopicSubscription> find(String id);

    /** Locked until the transaction ends: its event numbers and delivery state change one writer at a time. */
    Optional<TopicSubscription> findLocked(String id);

    List<TopicSubscription> ownedBy(String owner);

    void remove(TopicSubscription subscription);

    /** The ids of the subscriptions whose filter matches, in id order (the order they are locked in). */
    List<String> matching(SentMessage message);

    /**
     * Up to {@code limit} subscriptions with something to post at {@code now} and no live claim,
     * those waiting longest first; locked, passing over those another transaction holds.
     */
    List<TopicSubscription> claimDue(Instant now, int limit);

    /** Its events numbered above {@code after} and at most {@code until}, oldest first, at most {@code limit}. */
    List<SubscriptionEvent> events(String subscriptionId, long after, long until, int limit);
}
