package dev.missive.notification;

import dev.missive.thread.NotificationRequested;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emails the relay took whose "sent" could not be committed (the database away just then), as
 * this node knows until it stops: the request's redelivery here finds its claim in doubt, and
 * marks it sent instead of sending it again. A restart forgets them: then it is sent again.
 */
@ApplicationScoped
public class UnmarkedDeliveries {

    private final Set<NotificationRequested> accepted = ConcurrentHashMap.newKeySet();

    void remember(NotificationRequested request) {
        accepted.add(request);
    }

    /** Whether the relay took this email on this node since it started; forgets it. */
    boolean forget(NotificationRequested request) {
        return accepted.remove(request);
    }
}
