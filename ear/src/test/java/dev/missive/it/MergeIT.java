package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fresh patient of Dr Lee with Gina as their proxy is merged into another fresh record and
 * unmerged, over the API with real tokens: Gina loses the threads and gets them back exactly as
 * they were; Dr Lee sees them throughout.
 */
class MergeIT extends MissiveIT {

    private static final String PARTICIPANT_STATE = "https://missive.dev/fhir/StructureDefinition/participant-state";

    private final Fhir integration = Fhir.as(Tokens.INTEGRATION);
    private final Fhir admin = Fhir.as("admin");
    private final Fhir drlee = Fhir.as("drlee");
    private final Fhir gina = Fhir.as("gina");
    private String source;
    private String target;
    private String open;
    private String closed;

    @BeforeEach
    void drLeeWritesToAFreshPatientWhoseProxyIsGina() {
        source = Records.patientOfDrLee(integration, "merge-source");
        target = Records.patientOfDrLee(integration, "merge-target");
        Records.ginaFor(integration, source);

        open = Threads.start(drlee, source, "drlee", "Merge: open");
        Threads.send(drlee, open, "First");
        Threads.send(drlee, open, "Second");
        assertEquals(
                200, gina.postEmpty("Communication/" + open + "/$mark-read").status());
        Threads.send(drlee, open, "Third, unread");
        closed = Threads.start(drlee, source, "drlee", "Merge: closed");
        Threads.send(drlee, closed, "Results are fine");
        assertEquals(
                200, gina.postEmpty("Communication/" + closed + "/$mark-read").status());
        assertEquals(200, drlee.postEmpty("Communication/" + closed + "/$close").status());
        assertEquals(
                200, gina.postEmpty("Communication/" + closed + "/$archive").status());
    }

    @AfterEach
    void releaseTheFreshRecords() {
        Records.release(integration, source, true);
        Records.release(integration, target, false);
    }

    private static Parameters parameters(String source, String target) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("source-patient").setValue(new Reference("Patient/" + source));
        if (target != null) {
            parameters.addParameter().setName("target-patient").setValue(new Reference("Patient/" + target));
        }
        return parameters;
    }

    private static Fhir.Response merge(Fhir client, String source, String target) {
        return client.post("Patient/$merge", parameters(source, target));
    }

    private static Fhir.Response unmerge(Fhir client, String source) {
        return client.post("Patient/$unmerge", parameters(source, null));
    }

    private static void assertRule(String rule, Fhir.Response response) {
        assertEquals(422, response.status(), response::toString);
        assertEquals(
                rule,
                response.outcome()
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
    }

    /** Status, status reason and the reader's own archived and unread, as each side reads the threads. */
    private List<String> seenBy(Fhir client) {
        List<String> seen = new ArrayList<>();
        for (String thread : List.of(open, closed)) {
            Communication header = client.get("Communication/" + thread).as(Communication.class);
            Extension state = header.getExtensionByUrl(PARTICIPANT_STATE);
            seen.add(thread + " " + header.getStatus() + " "
                    + header.getStatusReason().getCodingFirstRep().getCode()
                    + " archived="
                    + state.getExtensionByUrl("archived").getValue().primitiveValue()
                    + " unread=" + state.getExtensionByUrl("unread").getValue().primitiveValue());
        }
        return seen;
    }

    private long ginasThreadsAbout(String patient, String filter) {
        return gina.get("Communication?part-of:missing=true&subject=Patient/" + patient + filter + "&_summary=count")
                .bundle()
                .getTotal();
    }

    @Test
    void mergeHidesTheThreadsFromThePatientSideAndUnmergeRestoresThemExactly() {
        List<String> ginaBefore = seenBy(gina);
        List<String> drLeeBefore = seenBy(drlee);
        assertEquals(2, ginasThreadsAbout(source, ""));
        assertEquals(1, ginasThreadsAbout(source, "&unread=true"));

        Fhir.Response merged = merge(integration, source, target);
        assertEquals(200, merged.status(), merged::toString);
        assertEquals(
                target,
                ((Patient) merged.as(Parameters.class).getParameter("result").getResource())
                        .getIdElement()
                        .getIdPart());

        assertEquals(404, gina.get("Communication/" + open).status());
        assertEquals(
                404, gina.get("Communication?part-of=Communication/" + open).status());
        assertEquals(
                404, gina.postEmpty("Communication/" + closed + "/$unarchive").status());
        assertEquals(0, ginasThreadsAbout(source, ""));
        assertEquals(0, ginasThreadsAbout(source, "&unread=true"));
        assertFalse(
                gina.get("Communication?part-of:missing=true&_count=100").body().contains(open), "not in her inbox");
        assertEquals(0, ginasThreadsAbout(target, ""), "the target does not gain sight of them");

        Communication seen = drlee.get("Communication/" + open).as(Communication.class);
        assertEquals(Communication.CommunicationStatus.COMPLETED, seen.getStatus());
        assertEquals(
                "patient-merged", seen.getStatusReason().getCodingFirstRep().getCode());
        assertTrue(drlee.get("Communication?part-of:missing=true&_count=100")
                .body()
                .contains(open));
        assertRule("thread-locked", drlee.postEmpty("Communication/" + open + "/$reopen"));
        Patient retired = integration.get("Patient/" + source).as(Patient.class);
        assertFalse(retired.getActive());
        assertEquals(Patient.LinkType.REPLACEDBY, retired.getLinkFirstRep().getType());
        assertEquals("Patient/" + target, retired.getLinkFirstRep().getOther().getReference());

        Fhir.Response unmerged = unmerge(admin, source);
        assertEquals(200, unmerged.status(), unmerged::toString);

        assertEquals(ginaBefore, seenBy(gina));
        assertEquals(drLeeBefore, seenBy(drlee));
        assertEquals(2, ginasThreadsAbout(source, ""));
        assertEquals(1, ginasThreadsAbout(source, "&unread=true"));
        Patient restored = integration.get("Patient/" + source).as(Patient.class);
        assertTrue(restored.getActive());
        assertFalse(restored.hasLink());
    }

    @Test
    void mergesThatMakeNoSenseAreRefusedAndOnlyRecordKeepersMerge() {
        for (String account : List.of("alice", "drlee", "gina")) {
            assertEquals(403, merge(Fhir.as(account), source, target).status(), account);
        }
        assertRule("merge-into-itself", merge(integration, source, source));
        assertRule("patient-not-merged", unmerge(integration, source));
        assertEquals(404, merge(integration, "nobody-" + source, target).status());
        assertEquals(
                400,
                integration.post("Patient/$merge", parameters(source, null)).status());

        assertEquals(200, merge(admin, source, target).status());
        assertRule("patient-already-merged", merge(integration, source, target));
        assertRule("merge-target-merged", merge(integration, target, source));
        assertEquals(403, unmerge(drlee, source).status());
        assertEquals(200, unmerge(integration, source).status());
        assertEquals(2, seenBy(gina).size(), "Gina sees both threads again");
    }
}
