package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import java.util.List;
import java.util.Set;

/** The outbox: notification requests committed with their messages, until they are done with. */
public interface PendingNotificationRepository {

    void add(PendingNotification pending);

    /**
     * Up to {@code limit} of the oldest requests to relay: never relayed, or relayed by a node not
     * among {@code alive}. Locked until the transaction ends; requests another transaction holds
     * are passed over, so that any number of relays share the work.
     */
    List<PendingNotification> claim(Set<String> alive, int limit);

    /** Done with, on whichever node: nothing happens when it was removed already. */
    void remove(NotificationRequested request);
}
