package dev.missive.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A proxy acts for a patient only through an active RelatedPerson record, within its period. */
class ProxyScopeTest {

    private final TestClinic clinic = new TestClinic();
    private final ProxyScope proxies = clinic.bean(ProxyScope.class);

    @Test
    void aGuardianActsForEachChildOfTheirs() {
        assertEquals(Set.of("ben", "chloe"), proxies.patientIdsActedFor("gina"));
        assertEquals(
                "gina-for-chloe",
                proxies.proxyFor("gina", "chloe").orElseThrow().getId());
        assertTrue(proxies.proxyFor("gina", "alice").isEmpty());
        assertTrue(proxies.patientIdsActedFor("alice").isEmpty());
    }

    @Test
    void revokedExpiredAndFutureRecordsDoNotCount() {
        clinic.relatedPersons.find("gina-for-ben").orElseThrow().setActive(false);
        RelatedPerson chloe = clinic.relatedPersons.find("gina-for-chloe").orElseThrow();
        chloe.setPeriod(new Period(null, clinic.clock.instant()));
        assertTrue(proxies.patientIdsActedFor("gina").isEmpty(), "the period's end is exclusive");

        chloe.setPeriod(new Period(null, null));
        chloe.setPeriod(new Period(clinic.clock.instant().plus(Duration.ofDays(1)), null));
        assertTrue(proxies.proxyFor("gina", "chloe").isEmpty());
        clinic.later(Duration.ofDays(2));
        assertEquals(Set.of("chloe"), proxies.patientIdsActedFor("gina"));
    }

    @Test
    void twoRecordsForOnePatientCountOnce() {
        clinic.proxy("gina-for-ben-again", "ben");
        assertEquals(2, proxies.actingNow("gina").size());
    }
}
