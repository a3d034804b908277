package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An open thread's details edited with {@code PUT} by its patient side, over HTTP with real
 * tokens: versioned with If-Match, every rule checked again for a new recipient, the change
 * shown on the thread, and the practitioner it leaves keeping only what they had.
 */
class ThreadEditingIT extends MissiveIT {

    private static final String THREAD_CHANGE = "https://missive.dev/fhir/StructureDefinition/thread-change";
    private static final String PARTICIPANT_STATE = "https://missive.dev/fhir/StructureDefinition/participant-state";
    private static final String BILLING_CONSENT = "https://missive.dev/fhir/StructureDefinition/billing-consent";

    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private String thread;

    @BeforeEach
    void aliceWritesToDrLee() {
        thread = Threads.start(alice, Threads.header("alice", "drlee", "Knee"));
        Threads.send(alice, thread, "Before the change");
    }

    private Fhir.Response read(Fhir client) {
        Fhir.Response read = client.get("Communication/" + thread);
        assertEquals(200, read.status(), read::toString);
        return read;
    }

    /** The header as the client read it, with the edit applied, ready to PUT back. */
    private Communication edited(Fhir.Response read, String practitioner, String topic) {
        Communication header = read.as(Communication.class);
        header.getRecipient().removeIf(r -> r.getReference().startsWith("Practitioner/"));
        header.addRecipient(new Reference("Practitioner/" + practitioner));
        header.getTopic().setText(topic);
        return header;
    }

    private static String rule(Fhir.Response refused) {
        assertEquals(422, refused.status(), refused::toString);
        return Fhir.rule(refused);
    }

    private void assertUnchanged(String practitioner, String topic, String version) {
        Fhir.Response now = read(alice);
        Communication header = now.as(Communication.class);
        assertEquals(topic, header.getTopic().getText());
        assertTrue(
                header.getRecipient().stream().anyMatch(r -> r.getReference().equals("Practitioner/" + practitioner)));
        assertEquals(version, now.etag(), "nothing changed, not even the version");
        assertFalse(header.hasExtension(THREAD_CHANGE));
    }

    @Test
    void theSubjectChangesWithIfMatchAndTheThreadShowsWhoChangedItAndWhen() {
        Fhir.Response read = read(alice);
        Communication before = read.as(Communication.class);
        assertEquals("W/\"" + before.getMeta().getVersionId() + "\"", read.etag(), "ETag is meta.versionId");

        Fhir.Response saved = alice.put("Communication/" + thread, edited(read, "drlee", "Left knee"), read.etag());
        assertEquals(200, saved.status(), saved::toString);
        Communication after = saved.as(Communication.class);
        assertEquals("W/\"" + after.getMeta().getVersionId() + "\"", saved.etag());
        assertNotEquals(read.etag(), saved.etag());
        assertEquals("Left knee", after.getTopic().getText());
        Extension change = after.getExtensionByUrl(THREAD_CHANGE);
        assertEquals(
                "Patient/alice", ((Reference) change.getExtensionByUrl("author").getValue()).getReference());
        assertNotNull(change.getExtensionByUrl("time"));
        assertEquals("topic", ((Coding) change.getExtensionByUrl("changed").getValue()).getCode());

        Communication drleeSees = read(drlee).as(Communication.class);
        assertEquals("Left knee", drleeSees.getTopic().getText());
        assertTrue(drleeSees.hasExtension(THREAD_CHANGE), "both sides see the event line");

        Fhir.Response trail = Fhir.as("admin").get("AuditEvent?entity=Communication/" + thread + "&_count=100");
        assertEquals(200, trail.status(), trail::toString);
        assertTrue(
                trail.bundle().getEntry().stream()
                        .map(e -> (AuditEvent) e.getResource())
                        .anyMatch(event -> event.getSubtype().stream().anyMatch(c -> "update".equals(c.getCode()))
                                && "0".equals(event.getOutcome().toCode())),
                "the edit is in the audit trail");
        assertFalse(trail.body().contains("Left knee"), "no subject in the audit trail");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Fhir.Response read = read(alice);
        assertEquals(
                200,
                alice.put("Communication/" + thread, edited(read, "drlee", "Tab one"), read.etag())
                        .status());
        Fhir.Response current = read(alice);

        Fhir.Response stale = alice.put("Communication/" + thread, edited(read, "drlee", "Tab two"), read.etag());
        assertEquals(412, stale.status(), stale::toString);
        assertEquals("Tab one", read(alice).as(Communication.class).getTopic().getText());
        assertEquals(current.etag(), read(alice).etag());
    }

    @Test
    void withoutIfMatchTheLastEditWins() {
        Fhir.Response read = read(alice);
        assertEquals(
                200,
                alice.put("Communication/" + thread, edited(read, "drlee", "One"), null)
                        .status());
        assertEquals(
                200,
                alice.put("Communication/" + thread, edited(read, "drlee", "Two"), null)
                        .status());
        assertEquals("Two", read(alice).as(Communication.class).getTopic().getText());
    }

    @Test
    void anIneligibleRecipientIsRefusedAndNothingChanges() {
        Fhir.Response read = read(alice);
        // Nurse Kim takes no portal messages; Dr Patel charges and Alice gave no billing consent here
        assertEquals(
                "recipient-not-eligible",
                rule(alice.put("Communication/" + thread, edited(read, "nursekim", "Knee"), read.etag())));
        assertEquals(
                "billing-consent-required",
                rule(alice.put("Communication/" + thread, edited(read, "drpatel", "Knee"), read.etag())));
        assertUnchanged("drlee", "Knee", read.etag());
    }

    @Test
    void theEarlierRecipientKeepsWhatTheyHadAndSeesNothingNew() {
        Fhir drpatel = Fhir.as("drpatel");
        Fhir.Response read = read(alice);
        Communication toDrPatel = edited(read, "drpatel", "Knee");
        toDrPatel.addExtension(BILLING_CONSENT, new Reference("Consent/" + billingConsent()));
        Fhir.Response moved = alice.put("Communication/" + thread, toDrPatel, read.etag());
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(
                "recipient",
                ((Coding) moved.as(Communication.class)
                                .getExtensionByUrl(THREAD_CHANGE)
                                .getExtensionByUrl("changed")
                                .getValue())
                        .getCode());

        String after = Threads.send(alice, thread, "After the change");

        List<String> drpatelReads = texts(drpatel);
        assertEquals(List.of("Before the change", "After the change"), drpatelReads, "the new one sees it all");
        assertEquals(List.of("Before the change"), texts(drlee), "the earlier one keeps what they had");
        assertEquals(404, drlee.get("Communication/" + after).status());
        Communication drleeHeader = read(drlee).as(Communication.class);
        assertNotNull(drleeHeader.getExtensionByUrl(PARTICIPANT_STATE).getExtensionByUrl("left"));
        assertEquals(
                403,
                drlee.post("Communication", Threads.message(thread, "Still mine?"))
                        .status());
        assertEquals(403, drlee.postEmpty("Communication/" + thread + "/$close").status());
        assertEquals(
                200, drlee.postEmpty("Communication/" + thread + "/$mark-read").status());
        assertNull(alice.get("Communication/" + after).as(Communication.class).getReceived(), "no read receipt");
    }

    @Test
    void aClosedThreadIsReadOnly() {
        Fhir.Response read = read(alice);
        assertEquals(200, alice.postEmpty("Communication/" + thread + "/$close").status());
        Fhir.Response closed = read(alice);
        Communication header = edited(closed, "drlee", "Reopened by stealth");
        header.setStatus(Communication.CommunicationStatus.INPROGRESS);
        assertEquals("thread-closed", rule(alice.put("Communication/" + thread, header, closed.etag())));
        assertEquals("Knee", read(alice).as(Communication.class).getTopic().getText());
        assertNotEquals(read.etag(), closed.etag(), "closing made a new version");
    }

    @Test
    void thePractitionerDoesNotEditTheDetails() {
        Fhir.Response read = read(drlee);
        Fhir.Response refused = drlee.put("Communication/" + thread, edited(read, "drlee", "Mine now"), read.etag());
        assertEquals(403, refused.status(), refused::toString);
        assertUnchanged("drlee", "Knee", read.etag());
    }

    @Test
    void aDraftThreadHonoursIfMatchToo() {
        Communication draft = Threads.header("alice", "drlee", "Draft");
        draft.setStatus(Communication.CommunicationStatus.PREPARATION);
        Fhir.Response saved = alice.post("Communication", draft);
        assertEquals(201, saved.status(), saved::toString);
        Communication created = saved.as(Communication.class);
        assertEquals("W/\"" + created.getMeta().getVersionId() + "\"", saved.etag());
        String id = created.getIdElement().getIdPart();

        created.getTopic().setText("Tab one");
        assertEquals(
                200, alice.put("Communication/" + id, created, saved.etag()).status());
        created.getTopic().setText("Tab two");
        Fhir.Response stale = alice.put("Communication/" + id, created, saved.etag());
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(
                "Tab one",
                alice.get("Communication/" + id)
                        .as(Communication.class)
                        .getTopic()
                        .getText());
        assertEquals(204, alice.delete("Communication/" + id).status());
    }

    private List<String> texts(Fhir client) {
        Fhir.Response listed = client.get("Communication?part-of=Communication/" + thread);
        assertEquals(200, listed.status(), listed::toString);
        return listed.bundle().getEntry().stream()
                .map(e -> ((Communication) e.getResource())
                        .getPayloadFirstRep()
                        .getContentStringType()
                        .getValue())
                .toList();
    }

    /** Alice's agreement to be billed for messages, posted as the portal does. */
    private String billingConsent() {
        Fhir.Response created = alice.post("Consent", Directory.billingConsent("alice"));
        assertEquals(201, created.status(), created::toString);
        return created.as(Consent.class).getIdElement().getIdPart();
    }
}
