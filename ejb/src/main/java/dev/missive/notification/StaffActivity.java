package dev.missive.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When each practitioner last made a request, so that someone working in the portal right now
 * is not also emailed. Kept in memory on this server node only: behind a load balancer a
 * practitioner active on another node may still be emailed, which errs on the side of telling.
 * A request refreshes the time at most once per tenth of the window, to keep the cost of
 * every call to a map lookup.
 */
@ApplicationScoped
public class StaffActivity {

    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** How long after their last request a practitioner counts as active (decimal minutes). */
    @Inject
    @ConfigProperty(name = "missive.staff.active.minutes", defaultValue = "5")
    double activeMinutes;

    public void seen(String practitionerId) {
        Instant now = clock.instant();
        Duration throttle = window().dividedBy(10);
        lastSeen.compute(practitionerId, (id, last) -> last == null || !now.isBefore(last.plus(throttle)) ? now : last);
    }

    public boolean isActive(String practitionerId) {
        Instant last = lastSeen.get(practitionerId);
        return last != null && clock.instant().isBefore(last.plus(window()));
    }

    private Duration window() {
        return Duration.ofMillis(Math.round(activeMinutes * 60_000));
    }
}
