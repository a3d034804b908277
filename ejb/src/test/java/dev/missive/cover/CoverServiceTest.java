package dev.missive.cover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.Practitioner;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who sets and clears a practitioner's cover, and what an absence may be. */
class CoverServiceTest {

    private final TestClinic clinic = new TestClinic();
    private final CoverService covers = clinic.bean(CoverService.class);
    private final Instant now = clinic.clock.instant();

    @Test
    void thePractitionerSetsTheirOwnCoverAndClearsIt() {
        clinic.actAs("drlee");
        Absence absence = covers.setCover("drlee", null, now.plus(Duration.ofDays(3)), "drpatel");

        assertEquals(now, absence.getStart(), "from now when no start is given");
        assertEquals("drpatel", covers.cover("drlee").orElseThrow().getCoverId());
        covers.clearCover("drlee");
        assertTrue(covers.cover("drlee").isEmpty());
    }

    @Test
    void aClinicAdminSetsAnyonesCoverAndSettingAgainReplacesIt() {
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        covers.setCover("drlee", null, now.plus(Duration.ofDays(3)), "drpatel");
        covers.setCover("drlee", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), "nursekim");

        Absence absence = covers.cover("drlee").orElseThrow();
        assertEquals("nursekim", absence.getCoverId());
        assertEquals(now.plus(Duration.ofDays(1)), absence.getStart());
    }

    @Test
    void nobodyElseManagesAPractitionersCover() {
        clinic.actAs("drpatel");
        assertThrows(ForbiddenException.class, () -> covers.setCover("drlee", null, now.plusSeconds(60), "drpatel"));
        assertThrows(ForbiddenException.class, () -> covers.clearCover("drlee"));
        assertThrows(ForbiddenException.class, () -> covers.cover("drlee"));
        clinic.actAs("alice");
        assertThrows(ForbiddenException.class, () -> covers.setCover("drlee", null, now.plusSeconds(60), "drpatel"));
        clinic.actAs("drlee");
        assertThrows(NotFoundException.class, () -> covers.cover("nobody"));
    }

    @Test
    void anAbsenceEndsAfterItStartsAndAfterNowAndIsCoveredBySomeoneElseWhoIsActive() {
        clinic.actAs("drlee");
        Instant later = now.plus(Duration.ofDays(1));
        assertThrows(InvalidRequestException.class, () -> covers.setCover("drlee", later, later, "drpatel"));
        assertThrows(InvalidRequestException.class, () -> covers.setCover("drlee", null, null, "drpatel"));
        assertThrows(
                InvalidRequestException.class,
                () -> covers.setCover("drlee", now.minusSeconds(120), now.minusSeconds(60), "drpatel"));
        assertThrows(InvalidRequestException.class, () -> covers.setCover("drlee", null, later, "drlee"));
        assertThrows(InvalidRequestException.class, () -> covers.setCover("drlee", null, later, "nobody"));
        Practitioner patel = clinic.practitioners.find("drpatel").orElseThrow();
        patel.setActive(false);
        clinic.save(patel);
        assertThrows(InvalidRequestException.class, () -> covers.setCover("drlee", null, later, "drpatel"));
        assertTrue(covers.cover("drlee").isEmpty(), "nothing was recorded");
    }

    @Test
    void aPeriodIsHalfOpenInstantsWhateverTheOffsetItWasWrittenIn() {
        Instant start = OffsetDateTime.parse("2026-11-21T12:00:00+01:00").toInstant(); // 11:00Z
        Instant end = OffsetDateTime.parse("2026-11-21T07:00:00-05:00").toInstant(); // 12:00Z
        Absence absence = new Absence("drlee", start, end, "drpatel");

        assertFalse(absence.runsAt(Instant.parse("2026-11-21T10:59:59.999Z")));
        assertTrue(absence.runsAt(Instant.parse("2026-11-21T11:00:00Z")), "away from the start instant");
        assertTrue(absence.runsAt(Instant.parse("2026-11-21T11:59:59.999Z")));
        assertFalse(absence.runsAt(Instant.parse("2026-11-21T12:00:00Z")), "back at the end instant");
        assertTrue(absence.isOverAt(end));
    }

    @Test
    void anAbsenceThatIsOverIsNoLongerShown() {
        clinic.actAs("drlee");
        covers.setCover("drlee", null, now.plus(Duration.ofHours(1)), "drpatel");
        clinic.later(Duration.ofHours(1));
        assertTrue(covers.cover("drlee").isEmpty());
    }
}
