package dev.missive.notification;

import java.util.List;

/** The outbox: notification requests committed with their messages, waiting for the queue. */
public interface PendingNotificationRepository {

    void add(PendingNotification pending);

    /**
     * Up to {@code limit} of the oldest requests, locked until the transaction ends; requests
     * another transaction holds are passed over, so that any number of relays share the work.
     */
    List<PendingNotification> claim(int limit);

    void remove(PendingNotification pending);
}
