package dev.missive.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.Period;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.testing.TestClinic;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.NotificationRequested;
import dev.missive.thread.SendingService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is emailed, decided again when the notification request is delivered. */
class NotificationRecipientsTest {

    private static final Party GINA_FOR_BEN = new Party(PartyType.RELATED_PERSON, "gina-for-ben");

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final StaffActivity staffActivity = clinic.bean(StaffActivity.class);
    private final NotificationRecipients recipients = clinic.bean(NotificationRecipients.class);

    @BeforeEach
    void everyoneHasAnAddress() {
        for (String id : List.of("alice", "ben", "chloe")) {
            clinic.patients.find(id).orElseThrow().setEmail(id + "@example.com");
        }
        for (String id : List.of("drlee", "drpatel", "nursekim")) {
            clinic.practitioners.find(id).orElseThrow().setEmail(id + "@example.com");
            clinic.practitioners.find(id).orElseThrow().setEmailNotifications(!id.equals("nursekim"));
        }
        clinic.relatedPersons.find("gina-for-ben").orElseThrow().setEmail("gina@example.com");
    }

    @Test
    void aPatientIsEmailedUnlessDoNotEmailOrNoAddress() {
        NotificationRequested request = practitionerWrites("drlee", "alice", false, Party.patient("alice"));
        assertEquals(Optional.of(new Recipient("alice@example.com", null)), recipients.recipientOf(request));

        clinic.patients.find("alice").orElseThrow().setDoNotEmail(true);
        assertTrue(recipients.recipientOf(request).isEmpty(), "do-not-email");

        clinic.patients.find("alice").orElseThrow().setDoNotEmail(false);
        clinic.patients.find("alice").orElseThrow().setEmail(" ");
        assertTrue(recipients.recipientOf(request).isEmpty(), "no address");
    }

    @Test
    void aProxyIsEmailedOnlyWhileActingAndNeverForAConfidentialThread() {
        NotificationRequested open = practitionerWrites("drlee", "ben", false, GINA_FOR_BEN);
        assertEquals(Optional.of(new Recipient("gina@example.com", null)), recipients.recipientOf(open));

        NotificationRequested confidential = practitionerWrites("drlee", "ben", true, GINA_FOR_BEN);
        assertTrue(recipients.recipientOf(confidential).isEmpty(), "confidential thread");

        clinic.relatedPersons
                .find("gina-for-ben")
                .orElseThrow()
                .setPeriod(new Period(null, clinic.clock.instant().plusSeconds(60)));
        assertTrue(recipients.recipientOf(open).isPresent(), "still within the period");
        clinic.later(Duration.ofMinutes(1));
        assertTrue(recipients.recipientOf(open).isEmpty(), "the period ended before delivery");
    }

    @Test
    void aPractitionerIsEmailedOnlyIfOptedIn() {
        assertTrue(recipients.recipientOf(patientWrites("alice", "drlee")).isPresent());
        clinic.practitioners.find("drlee").orElseThrow().setEmailNotifications(false);
        assertTrue(recipients.recipientOf(patientWrites("alice", "drlee")).isEmpty(), "opted out");
    }

    @Test
    void aPractitionerWorkingInThePortalIsNotEmailedUntilTheWindowPasses() {
        NotificationRequested request = patientWrites("alice", "drlee");
        staffActivity.seen("drlee");
        clinic.later(Duration.ofMinutes(4));
        assertTrue(recipients.recipientOf(request).isEmpty(), "active four minutes ago");
        clinic.later(Duration.ofMinutes(1));
        assertEquals(
                Optional.of(new Recipient("drlee@example.com", null)),
                recipients.recipientOf(request),
                "inactive for the whole window");
        staffActivity.seen("drpatel");
        assertTrue(recipients.recipientOf(request).isPresent(), "someone else's activity does not count");
    }

    @Test
    void aPractitionerWorkingOnAnotherNodeIsNotEmailedEither() {
        NotificationRequested request = patientWrites("alice", "drlee");
        clinic.inTransaction(() -> clinic.bean(StaffActivityRepository.class).seen("drlee", clinic.clock.instant()));
        assertTrue(recipients.recipientOf(request).isEmpty(), "seen a moment ago, wherever");
    }

    @Test
    void requestsWithinTheThrottleDoNotExtendTheWindow() {
        staffActivity.seen("drlee");
        clinic.later(Duration.ofSeconds(20));
        staffActivity.seen("drlee");
        clinic.later(Duration.ofSeconds(281));
        assertFalse(staffActivity.isActive("drlee"), "the second request fell within the 30 s throttle");
        staffActivity.seen("drlee");
        assertTrue(staffActivity.isActive("drlee"));
    }

    @Test
    void aMessageRetractedBeforeDeliveryEmailsNobody() {
        NotificationRequested request = patientWrites("alice", "drlee");
        clinic.conversations.findMessage(request.messageId()).orElseThrow().retract();
        assertTrue(recipients.recipientOf(request).isEmpty());
    }

    private NotificationRequested practitionerWrites(
            String practitionerId, String patientId, boolean confidential, Party recipient) {
        clinic.actAs(practitionerId);
        String thread = sending.start(NewThread.of(patientId, practitionerId, "general", null, confidential))
                .conversation()
                .getId();
        Message message = sending.send(new NewMessage(thread, "Results are fine", null));
        return new NotificationRequested(message.getId(), thread, recipient);
    }

    private NotificationRequested patientWrites(String patientId, String practitionerId) {
        clinic.actAs(patientId);
        String thread = clinic.start(patientId, practitionerId);
        Message message = sending.send(new NewMessage(thread, "Hello", null));
        return new NotificationRequested(message.getId(), thread, Party.practitioner(practitionerId));
    }
}
