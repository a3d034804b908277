package dev.missive.notification;

import java.time.Instant;
import java.util.Optional;

public interface StaffActivityRepository {

    Optional<Instant> lastSeen(String practitionerId);

    /** Records the time in a transaction of its own, committed at once and never the caller's. */
    void seen(String practitionerId, Instant at);
}
