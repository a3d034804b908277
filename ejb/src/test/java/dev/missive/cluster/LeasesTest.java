package dev.missive.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.testing.TestClinic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A scheduled job's lease: one taker per period, whichever node asks first. */
class LeasesTest {

    private static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);

    private final TestClinic clinic = new TestClinic();
    private final Leases leases = clinic.bean(Leases.class);

    @Test
    void aLeaseIsTakenOncePerPeriodAndFreeOnceItExpires() {
        assertTrue(leases.take("sweep", HALF_AN_HOUR), "a lease nobody has taken yet");
        assertEquals("missive", holder("sweep"));
        clinic.later(Duration.ofMinutes(29));
        assertFalse(leases.take("sweep", HALF_AN_HOUR), "held: any node asking now skips this period");
        assertTrue(leases.take("other", HALF_AN_HOUR), "each job has its own");

        clinic.later(Duration.ofMinutes(1));
        assertTrue(leases.take("sweep", HALF_AN_HOUR), "expired: the next period's run takes it");
    }

    @Test
    void aLeaseHeldByAnotherNodeIsNotTakenUntilItExpires() {
        clinic.inTransaction(() -> clinic.bean(LeaseRepository.class)
                .add(new Lease("sweep", "node-b", clinic.clock.instant().plusSeconds(60))));
        assertFalse(leases.take("sweep", HALF_AN_HOUR));
        assertEquals("node-b", holder("sweep"));
        clinic.later(Duration.ofSeconds(60));
        assertTrue(leases.take("sweep", HALF_AN_HOUR));
        assertEquals("missive", holder("sweep"));
    }

    private String holder(String name) {
        String[] holder = new String[1];
        clinic.inTransaction(() -> holder[0] = clinic.bean(LeaseRepository.class)
                .findLocked(name)
                .orElseThrow()
                .getHolder());
        return holder[0];
    }
}
