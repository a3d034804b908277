package dev.missive.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When each practitioner last made a request, so that someone working in the portal right now
 * is not also emailed. Kept in the database, so that a practitioner active on one node is not
 * emailed by another. A node writes a practitioner's time at most once per tenth of the window,
 * by one request: the last write of each practitioner, in memory, is all a request looks at
 * until one is due, and all this node's memory holds (losing it costs one early write).
 */
@ApplicationScoped
public class StaffActivity {

    private static final Logger LOG = Logger.getLogger(StaffActivity.class.getName());

    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    @Inject
    StaffActivityRepository activity;

    @Inject
    Clock clock;

    /** How long after their last request a practitioner counts as active (decimal minutes). */
    @Inject
    @ConfigProperty(name = "missive.staff.active.minutes", defaultValue = "5")
    double activeMinutes;

    public void seen(String practitionerId) {
        Instant now = clock.instant();
        // claimed before the write, so that a practitioner's concurrent requests on this node
        // make one write, not a race of first inserts
        boolean[] due = {false};
        written.compute(practitionerId, (id, last) -> {
            if (last != null && now.isBefore(last.plus(window().dividedBy(10)))) {
                return last;
            }
            due[0] = true;
            return now;
        });
        if (!due[0]) {
            return;
        }
        try {
            activity.seen(practitionerId, now);
        } catch (Exception e) {
            // A hint, never worth failing the request: two nodes writing a practitioner's first
            // row at once, or a database hiccup, leave the time a little older, which errs on
            // the side of emailing. Exception, not RuntimeException: the failed commit of the
            // write's own transaction comes through the bean's proxy as the checked RollbackException.
            written.remove(practitionerId, now);
            LOG.log(Level.FINE, "Staff activity not recorded", e);
        }
    }

    public boolean isActive(String practitionerId) {
        return activity.lastSeen(practitionerId)
                .filter(last -> clock.instant().isBefore(last.plus(window())))
                .isPresent();
    }

    private Duration window() {
        return Duration.ofMillis(Math.round(activeMinutes * 60_000));
    }
}
