package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cover while away over HTTP with real tokens and real emails: while Dr Lee is away, Alice's
 * messages to him reach Dr Patel, who is emailed, takes part and answers; Dr Lee gets no email
 * until he is back. Patients see the notice when choosing the recipient and in the thread.
 */
class CoverIT extends MissiveIT {

    private static final String AWAY = "https://missive.dev/fhir/StructureDefinition/practitioner-away";
    private static final String SET_COVER = "Practitioner/drlee/$set-cover";

    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private final Fhir drpatel = Fhir.as("drpatel");

    /** The $set-cover parameters: from {@code fromHours} to {@code toHours} from now, covered by that practitioner. */
    static Parameters cover(long fromHours, long toHours, String coverId) {
        Instant now = Instant.now();
        Parameters parameters = new Parameters();
        // written with an offset: a period is instants, whatever zone the client writes them in
        InstantType start = new InstantType(Date.from(now.plus(Duration.ofHours(fromHours))));
        start.setTimeZone(TimeZone.getTimeZone(ZoneOffset.ofHours(10)));
        parameters.addParameter().setName("start").setValue(start);
        parameters
                .addParameter()
                .setName("end")
                .setValue(new InstantType(Date.from(now.plus(Duration.ofHours(toHours)))));
        parameters.addParameter().setName("cover").setValue(new Reference("Practitioner/" + coverId));
        return parameters;
    }

    @AfterEach
    void drLeeIsBack() {
        assertEquals(200, drlee.postEmpty("Practitioner/drlee/$clear-cover").status());
    }

    private static long emails(GreenMail mail, String address, String thread) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> Mails.addressedTo(m, address)
                        && Mails.part(m, "text/plain").contains(thread))
                .count();
    }

    private static Extension away(Communication header) {
        return header.getExtensionByUrl(AWAY);
    }

    @Test
    void whileDrLeeIsAwayDrPatelIsEmailedAndAnswersAndDrLeeGetsNoEmailUntilHeIsBack(GreenMail mail) throws Exception {
        Fhir.Response set = drlee.post(SET_COVER, cover(0, 2, "drpatel"));
        assertEquals(200, set.status(), set::toString);
        Parameters recorded = set.as(Parameters.class);
        assertEquals(
                "Practitioner/drpatel",
                ((Reference) recorded.getParameter("cover").getValue()).getReference());
        Instant lastActive = Instant.now();

        Bundle recipients =
                alice.get("Patient/alice/$message-recipients?category=general").bundle();
        PractitionerRole lee = recipients.getEntry().stream()
                .map(e -> e.getResource())
                .filter(r -> r instanceof PractitionerRole role
                        && role.getPractitioner().getReference().equals("Practitioner/drlee"))
                .map(PractitionerRole.class::cast)
                .findFirst()
                .orElseThrow();
        Extension notice = lee.getExtensionByUrl(AWAY);
        assertEquals("Raj Patel", ((Reference) notice.getExtensionByUrl("cover").getValue()).getDisplay());
        assertTrue(notice.hasExtension("until"));

        Mails.afterStaffActivityWindow(lastActive);
        String thread = Threads.start(alice, Threads.header("alice", "drlee", "Cover knee"));
        Threads.send(alice, thread, "While Dr Lee is away");
        Mails.await(
                        mail,
                        m -> Mails.addressedTo(m, "drpatel@example.com")
                                && Mails.part(m, "text/plain").contains(thread))
                .orElseThrow();

        Communication header = alice.get("Communication/" + thread).as(Communication.class);
        assertEquals(
                "Practitioner/drpatel",
                ((Reference) away(header).getExtensionByUrl("cover").getValue()).getReference());
        assertEquals(200, drpatel.get("Communication/" + thread).status(), "the cover takes part");
        Fhir.Response answer = drpatel.post("Communication", Threads.message(thread, "Covering for Dr Lee"));
        assertEquals(201, answer.status(), answer::toString);
        assertEquals(
                "Practitioner/drpatel",
                answer.as(Communication.class).getSender().getReference());
        Mails.await(
                        mail,
                        m -> Mails.addressedTo(m, "alice@example.com")
                                && Mails.part(m, "text/plain").contains(thread))
                .orElseThrow();
        assertEquals(0, emails(mail, "drlee@example.com", thread), "away: no email");

        lastActive = Instant.now();
        assertEquals(200, drlee.postEmpty("Practitioner/drlee/$clear-cover").status());
        assertEquals(null, away(alice.get("Communication/" + thread).as(Communication.class)), "no notice once back");
        Mails.afterStaffActivityWindow(lastActive);
        Threads.send(alice, thread, "Back?");
        Mails.await(
                        mail,
                        m -> Mails.addressedTo(m, "drlee@example.com")
                                && Mails.part(m, "text/plain").contains(thread))
                .orElseThrow();
        assertEquals(1, emails(mail, "drpatel@example.com", thread), "the cover gets nothing new");
        assertEquals(
                403,
                drpatel.post("Communication", Threads.message(thread, "Still covering"))
                        .status(),
                "no longer writes in the thread");
    }

    @Test
    void aPatientTheCoverCannotTakeSeesOnlyThatTheirPractitionerIsAway() {
        assertEquals(200, drlee.post(SET_COVER, cover(0, 2, "drpatel")).status());
        Fhir ben = Fhir.as("ben"); // Dr Patel is not in Ben's care team
        String thread = Threads.start(ben, Threads.header("ben", "drlee", "Cover cough"));
        Threads.send(ben, thread, "Hello");

        Extension notice = away(ben.get("Communication/" + thread).as(Communication.class));
        assertTrue(notice.hasExtension("until"));
        assertFalse(notice.hasExtension("cover"));
        assertEquals(404, drpatel.get("Communication/" + thread).status());
    }

    @Test
    void aCoverIsRefusedWithA400ForABadPeriodOrCoverAndChangesNothing() {
        assertEquals(400, drlee.post(SET_COVER, cover(2, 1, "drpatel")).status(), "ends before it starts");
        assertEquals(400, drlee.post(SET_COVER, cover(-2, -1, "drpatel")).status(), "over");
        assertEquals(400, drlee.post(SET_COVER, cover(0, 1, "drlee")).status(), "himself");
        assertEquals(400, drlee.post(SET_COVER, cover(0, 1, "nobody")).status(), "unknown");
        Parameters noEnd = cover(0, 1, "drpatel");
        noEnd.getParameter().removeIf(p -> p.getName().equals("end"));
        assertEquals(400, drlee.post(SET_COVER, noEnd).status(), "no end");
        assertFalse(drlee.get("Practitioner/drlee/$cover").as(Parameters.class).hasParameter());
        assertEquals(404, Fhir.as("admin").get("Practitioner/nobody/$cover").status());
    }
}
