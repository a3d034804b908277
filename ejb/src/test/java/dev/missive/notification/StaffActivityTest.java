package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.transaction.RollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffActivityTest {

    @Test
    void aWriteThatFailsToCommitNeverFailsTheRequest() {
        StaffActivity activity = new StaffActivity();
        activity.clock = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);
        activity.activeMinutes = 5;
        activity.activity = new StaffActivityRepository() {
            @Override
            public Optional<Instant> lastSeen(String practitionerId) {
                return Optional.empty();
            }

            @Override
            public void seen(String practitionerId, Instant at) {
                // Two nodes inserting a practitioner's first row at once: the proxy of the
                // write's own transaction throws the checked exception as it is.
                throwUnchecked(new RollbackException("duplicate key"));
            }
        };

        assertDoesNotThrow(() -> activity.seen("drlee"));
        assertFalse(activity.isActive("drlee"), "not recorded: errs on the side of emailing");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
