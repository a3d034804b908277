package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clinic admin exports Dr Lee's messages: two threads made for the test (with Alice, and a
 * confidential one with a fresh patient), a retracted message and drafts, checked record by record.
 */
class ExportIT extends MissiveIT {

    private static final String EXPORT = "Practitioner/drlee/$export-messages";
    private static final String PARTICIPANT_STATE = "https://missive.dev/fhir/StructureDefinition/participant-state";

    private final Fhir admin = Fhir.as("admin");
    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private String withAlice;
    private List<String> aliceThread;
    private String confidential;
    private String confidentialMessage;
    private String retracted;
    private String patient;
    private final Set<String> drafts = new HashSet<>();

    @BeforeEach
    void drLeeWritesRetractsAndLeavesDrafts() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        withAlice = Threads.start(alice, Directory.idOf(alice, "Patient", "alice"), "drlee", "Export with Alice");
        String first = Threads.send(alice, withAlice, "Is my knee brace covered?");
        String answer = Threads.send(drlee, withAlice, "Yes, it is");
        retracted = Threads.send(drlee, withAlice, "Sent to the wrong patient");
        Fhir.Response retract =
                drlee.postRaw("Communication/" + retracted + "/$retract", "{\"resourceType\":\"Parameters\"}");
        assertEquals(200, retract.status(), retract::toString);
        aliceThread = List.of(withAlice, first, answer, retracted);
        Communication draftMessage = Threads.message(withAlice, "Not sent yet");
        draftMessage.setStatus(CommunicationStatus.PREPARATION);
        drafts.add(created(drlee.post("Communication", draftMessage)));

        patient = Records.patientOfDrLee(integration, "export");
        Communication header = Threads.header(patient, "drlee", "Confidential export");
        header.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);
        confidential = Threads.start(drlee, header);
        confidentialMessage = Threads.send(drlee, confidential, "Only between us");
        Communication draftThread = Threads.header(patient, "drlee", "Draft thread");
        draftThread.setStatus(CommunicationStatus.PREPARATION);
        drafts.add(created(drlee.post("Communication", draftThread)));
    }

    @AfterEach
    void releaseThePatient() {
        Records.release(Fhir.as(Tokens.INTEGRATION), patient, false);
    }

    private static String created(Fhir.Response response) {
        assertEquals(201, response.status(), response::toString);
        return response.as(Communication.class).getIdElement().getIdPart();
    }

    private static List<Communication> ndjson(Fhir.Response response) {
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.contentType().startsWith("application/fhir+ndjson"), response.contentType());
        return response.body()
                .lines()
                .map(line -> (Communication) Fhir.CONTEXT.newJsonParser().parseResource(line))
                .toList();
    }

    private static String id(Resource resource) {
        return resource.getIdElement().getIdPart();
    }

    private static String threadOf(Communication communication) {
        return communication.hasPartOf()
                ? communication.getPartOfFirstRep().getReferenceElement().getIdPart()
                : id(communication);
    }

    @Test
    void theNdjsonHoldsEachThreadBeforeItsMessagesWithTombstonesAndNoDrafts() {
        List<Communication> exported = ndjson(admin.get(EXPORT + "?_outputFormat=application/fhir%2Bndjson"));

        List<String> ours = exported.stream()
                .filter(c -> Set.of(withAlice, confidential).contains(threadOf(c)))
                .map(ExportIT::id)
                .toList();
        List<String> expected = new ArrayList<>(aliceThread);
        expected.addAll(List.of(confidential, confidentialMessage));
        assertEquals(expected, ours, "threads oldest first, each header before its messages in order");

        Communication tombstone = exported.stream()
                .filter(c -> id(c).equals(retracted))
                .findFirst()
                .orElseThrow();
        assertEquals(CommunicationStatus.ENTEREDINERROR, tombstone.getStatus());
        assertFalse(tombstone.hasPayload());
        Communication header = exported.stream()
                .filter(c -> id(c).equals(confidential))
                .findFirst()
                .orElseThrow();
        assertEquals("R", header.getMeta().getSecurityFirstRep().getCode(), "confidential threads are exported");
        assertEquals(
                "Only between us",
                exported.stream()
                        .filter(c -> id(c).equals(confidentialMessage))
                        .findFirst()
                        .orElseThrow()
                        .getPayloadFirstRep()
                        .getContentStringType()
                        .getValue());

        Set<String> headersSeen = new HashSet<>();
        for (Communication communication : exported) {
            assertFalse(drafts.contains(id(communication)), "no draft");
            assertTrue(communication.getStatus() != CommunicationStatus.PREPARATION, "no draft anywhere");
            assertFalse(communication.hasExtension(PARTICIPANT_STATE), "nobody's own state");
            assertTrue(communication.getStatus() != CommunicationStatus.ENTEREDINERROR || !communication.hasPayload());
            if (communication.hasPartOf()) {
                assertTrue(headersSeen.contains(threadOf(communication)), "its thread came first");
            } else {
                assertTrue(headersSeen.add(id(communication)), "each thread once");
            }
        }
    }

    @Test
    void theBundleHoldsTheSameRecordsAsTheNdjson() {
        List<String> lines = ndjson(admin.get(EXPORT + "?_outputFormat=ndjson")).stream()
                .map(ExportIT::id)
                .toList();
        Fhir.Response response = admin.get(EXPORT);
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.contentType().startsWith("application/fhir+json"), response.contentType());
        Bundle bundle = response.bundle();
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals(
                lines,
                bundle.getEntry().stream().map(entry -> id(entry.getResource())).toList());
        assertTrue(bundle.getEntryFirstRep().getFullUrl().endsWith("/Communication/" + lines.get(0)));
        assertTrue(lines.containsAll(aliceThread));
    }

    @Test
    void onlyAClinicAdminExportsAndOnlyAKnownPractitionerInAKnownFormat() {
        for (String account : List.of("drlee", "alice", "gina", Tokens.INTEGRATION)) {
            Fhir.Response refused = Fhir.as(account).get(EXPORT);
            assertEquals(403, refused.status(), account + " " + refused);
        }
        assertEquals(
                404,
                admin.get("Practitioner/nobody-" + withAlice + "/$export-messages")
                        .status());
        Fhir.Response badFormat = admin.get(EXPORT + "?_outputFormat=text/csv");
        assertEquals(400, badFormat.status(), badFormat::toString);
    }
}
