package dev.missive.subscription;

import java.util.List;

/**
 * An integration engine's subscriptions to sent messages: its own only (another's is not
 * found), and integration engines only (anyone else is refused).
 */
public interface SubscriptionService {

    /** Stored as requested: the handshake is posted to its endpoint next. Refused unless the endpoint is allowed. */
    TopicSubscription create(NewSubscription request);

    TopicSubscription read(String id);

    List<TopicSubscription> mine();

    /** Removed with its events: nothing more is posted. */
    void delete(String id);

    /** Where it stands, for {@code $status}. */
    SubscriptionNotification status(String id);

    /**
     * Its events numbered from {@code since} to {@code until} (either null: from the first, to the
     * latest), at most {@link DefaultSubscriptionService#EVENTS_PER_QUERY}, for {@code $events}.
     */
    SubscriptionNotification events(String id, Long since, Long until);
}
