package dev.missive.notification;

import java.util.List;

/** The dead letters: requests that failed their last attempt. */
public interface FailedNotificationRepository {

    /** Records it unless it is recorded already (two copies of a request may both fail). */
    void addIfAbsent(FailedNotification failed);

    /** Up to {@code limit}, the earliest failed first. */
    List<FailedNotification> oldest(int limit);

    void remove(FailedNotification failed);
}
