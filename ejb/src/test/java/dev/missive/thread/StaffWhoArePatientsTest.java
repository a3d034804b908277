package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.Patient;
import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRole;
import dev.missive.directory.StaffPreferences;
import dev.missive.domain.Party;
import dev.missive.eligibility.EligibilityService;
import dev.missive.quickreply.QuickReplies;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sam, a nurse who is also a patient of the clinic: one account ("sam") carried by Patient/sam
 * and Practitioner/nursesam. On his own care team with Dr Lee, and taking portal messages, he
 * would be his own recipient: he never is, whichever side he acts on.
 */
class StaffWhoArePatientsTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final ThreadEditing editing = clinic.bean(ThreadEditing.class);
    private final EligibilityService eligibility = clinic.bean(EligibilityService.class);
    private final StaffPreferences preferences = clinic.bean(StaffPreferences.class);

    @BeforeEach
    void samIsOnBothSides() {
        Patient patient = new Patient("sam");
        patient.setPortalUsername("sam");
        clinic.save(patient);
        Practitioner nurse = new Practitioner("nursesam");
        nurse.setPortalUsername("sam");
        clinic.save(nurse);
        clinic.role("nursesam", true, false);
        clinic.careTeam("sam", "drlee", "nursesam");
        clinic.careTeam("alice", "drlee", "drpatel", "nursekim", "nursesam");
        clinic.actAs(new Caller(
                "sam", EnumSet.of(Role.PATIENT, Role.PRACTITIONER), Optional.of(Party.practitioner("nursesam"))));
    }

    @Test
    void whomHeMayWriteToAsAPatientLeavesHimselfOut() {
        assertEquals(
                List.of("drlee"),
                eligibility.recipients("sam", "general").stream()
                        .map(PractitionerRole::getPractitionerId)
                        .toList());
        assertTrue(
                eligibility.recipients("alice", "general").stream()
                        .anyMatch(role -> role.getPractitionerId().equals("nursesam")),
                "other patients reach him");
    }

    @Test
    void onThePatientSideHeStartsThreadsAsHisPatientButNeverWithHimself() {
        clinic.bean(CallerContext.class).actAs(Party.patient("sam"));
        assertFalse(clinic.caller().has(Role.PRACTITIONER), "no staff role while he acts as a patient");

        Conversation withDrLee = sending.start(NewThread.of("sam", "drlee", "general", null, false))
                .conversation();
        assertEquals(Party.patient("sam"), withDrLee.getStartedBy());
        assertRule(() -> sending.start(NewThread.of("sam", "nursesam", "general", null, false)));
        assertRule(() ->
                editing.editThread(withDrLee.getId(), NewThread.of("sam", "nursesam", "general", null, false), null));
        assertEquals(
                "drlee",
                clinic.conversations.find(withDrLee.getId()).orElseThrow().getPractitionerId());
    }

    @Test
    void onTheStaffSideHeWritesToHisPatientsButNotToHimself() {
        sending.start(NewThread.of("alice", "nursesam", "general", null, false));
        assertRule(() -> sending.start(NewThread.of("sam", "nursesam", "general", null, false)));
    }

    @Test
    void aPractitionerSwitchesTheirOwnEmailNotificationsAndNobodyElses() {
        assertTrue(preferences.setEmailNotifications("nursesam", true).isEmailNotifications());
        assertFalse(preferences.setEmailNotifications("nursesam", false).isEmailNotifications());
        assertThrows(ForbiddenException.class, () -> preferences.setEmailNotifications("drlee", true));
        assertThrows(ForbiddenException.class, () -> preferences.setEmailNotifications("nobody", true));
        clinic.bean(CallerContext.class).actAs(Party.patient("sam"));
        assertThrows(
                ForbiddenException.class,
                () -> preferences.setEmailNotifications("nursesam", true),
                "not while he acts as a patient");
        clinic.actAs("drlee");
        assertThrows(ForbiddenException.class, () -> preferences.setEmailNotifications("nursesam", true));
        assertFalse(clinic.practitioners.find("nursesam").orElseThrow().isEmailNotifications());
    }

    @Test
    void heReadsTheClinicsQuickRepliesOnTheStaffSideOnly() {
        QuickReplies replies = clinic.bean(QuickReplies.class);
        assertEquals(List.of(), replies.all());
        clinic.bean(CallerContext.class).actAs(Party.patient("sam"));
        assertThrows(ForbiddenException.class, replies::all);
        assertThrows(ForbiddenException.class, () -> replies.read("any"));
    }

    private static void assertRule(Executable start) {
        assertEquals(
                Rule.MESSAGE_TO_SELF,
                assertThrows(RuleViolationException.class, start).rule());
    }
}
