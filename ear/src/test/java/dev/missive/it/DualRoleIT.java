package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * Sam, the demo nurse who is also a patient (one account, Practitioner/nursesam and
 * Patient/sam): his practitioner side by default, his patient side when a request names
 * Patient/sam in X-Missive-Acting-As, two inboxes that never mix, never his own recipient; and
 * a practitioner switching their own email notifications, nobody else's.
 */
class DualRoleIT extends MissiveIT {

    static final String PATIENT_SIDE = "Patient/sam";
    private static final String EMAIL_NOTIFICATIONS =
            "https://missive.dev/fhir/StructureDefinition/email-notifications";

    private final Fhir sam = Fhir.as("sam");
    private final Fhir samAsPatient = Fhir.as("sam").actingAs(PATIENT_SIDE);

    /** Sam's two threads: as Dr Patel's patient, and as the nurse of a patient of his. */
    record SamsThreads(String asPatient, String asNurse) {}

    static SamsThreads samsThreads(String topic) {
        String asPatient = Threads.start(Fhir.as("drpatel"), Threads.header("sam", "drpatel", topic + " (patient)"));
        String patient = Records.patientOf(Fhir.as(Tokens.INTEGRATION), "samspatient", "nursesam");
        String asNurse = Threads.start(Fhir.as("sam"), Threads.header(patient, "nursesam", topic + " (nurse)"));
        return new SamsThreads(asPatient, asNurse);
    }

    static Parameters enabled(boolean on) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("enabled").setValue(new BooleanType(on));
        return parameters;
    }

    private static List<String> inbox(Fhir client) {
        Fhir.Response inbox = client.get("Communication?part-of:missing=true&_count=100");
        assertEquals(200, inbox.status(), inbox::toString);
        return inbox.bundle().getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    @Test
    void samIsANurseByDefaultAndHisPatientWhenHeSaysSoWithTwoInboxesThatNeverMix() {
        SamsThreads threads = samsThreads("Sides");

        assertTrue(inbox(sam).contains(threads.asNurse()));
        assertFalse(inbox(sam).contains(threads.asPatient()), "without the header: the nurse's inbox, as ever");
        assertEquals(404, sam.get("Communication/" + threads.asPatient()).status());
        assertTrue(inbox(samAsPatient).contains(threads.asPatient()));
        assertFalse(inbox(samAsPatient).contains(threads.asNurse()));
        assertEquals(404, samAsPatient.get("Communication/" + threads.asNurse()).status());

        Fhir.Response answer = samAsPatient.post("Communication", Threads.message(threads.asPatient(), "Thanks"));
        assertEquals(201, answer.status(), answer::toString);
        assertEquals(
                PATIENT_SIDE, answer.as(Communication.class).getSender().getReference(), "he writes as his patient");
        assertEquals(
                200,
                sam.actingAs("Practitioner/nursesam")
                        .get("Communication/" + threads.asNurse())
                        .status(),
                "naming his practitioner is the default said aloud");
        assertEquals(
                403,
                samAsPatient
                        .get("Communication?part-of:missing=true&overdue=true")
                        .status(),
                "no staff work list on the patient side");
    }

    @Test
    void anAccountActsOnlyAsItsOwnEntries() {
        for (String other : List.of("Patient/alice", "Practitioner/drlee", "Patient/nobody")) {
            Fhir.Response refused = sam.actingAs(other).get("Communication?part-of:missing=true");
            assertEquals(403, refused.status(), other + " " + refused);
            assertFalse(refused.body().contains("Alice"), "nothing of the entry named");
        }
        assertEquals(
                403,
                Fhir.as("alice")
                        .actingAs("Practitioner/nursesam")
                        .get("Patient/alice")
                        .status());
        assertEquals(
                200,
                Fhir.as("alice").actingAs("Patient/alice").get("Patient/alice").status(),
                "her own");
        for (String malformed : List.of("sam", "RelatedPerson/gina-for-ben", "Patient/", "Patient/a b")) {
            assertEquals(400, sam.actingAs(malformed).get("Patient/sam").status(), malformed);
        }
    }

    @Test
    void samIsNeverHisOwnRecipientOnEitherSide() {
        Bundle recipients = samAsPatient.get("Patient/sam/$message-recipients").bundle();
        List<String> practitioners = recipients.getEntry().stream()
                .filter(e -> e.getResource() instanceof Practitioner)
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
        assertEquals(List.of("drpatel"), practitioners, "his care team but himself");

        Fhir.Response toHimself = samAsPatient.post("Communication", Threads.header("sam", "nursesam", "To me"));
        assertEquals(422, toHimself.status(), toHimself::toString);
        assertEquals("message-to-self", Fhir.rule(toHimself));
        Fhir.Response toHisPatient = sam.post("Communication", Threads.header("sam", "nursesam", "From me"));
        assertEquals(422, toHisPatient.status(), toHisPatient::toString);
        assertEquals("message-to-self", Fhir.rule(toHisPatient));
    }

    @Test
    void aPractitionerSwitchesTheirOwnEmailNotificationsAndNobodyElses() {
        String operation = "Practitioner/nursesam/$set-email-notifications";
        Fhir.Response on = sam.post(operation, enabled(true));
        assertEquals(200, on.status(), on::toString);
        Practitioner nurse = on.as(Practitioner.class);
        assertTrue(((BooleanType) nurse.getExtensionByUrl(EMAIL_NOTIFICATIONS).getValue()).booleanValue());
        assertTrue(((BooleanType) Fhir.as(Tokens.INTEGRATION)
                        .get("Practitioner/nursesam")
                        .as(Practitioner.class)
                        .getExtensionByUrl(EMAIL_NOTIFICATIONS)
                        .getValue())
                .booleanValue());

        assertEquals(403, samAsPatient.post(operation, enabled(false)).status(), "not from the patient side");
        assertEquals(403, Fhir.as("drlee").post(operation, enabled(false)).status());
        assertEquals(
                403,
                sam.post("Practitioner/drlee/$set-email-notifications", enabled(true))
                        .status());
        assertEquals(400, sam.post(operation, new Parameters()).status(), "enabled is required");

        Fhir.Response off = sam.post(operation, enabled(false));
        assertEquals(200, off.status(), off::toString);
        assertFalse(((BooleanType) off.as(Practitioner.class)
                        .getExtensionByUrl(EMAIL_NOTIFICATIONS)
                        .getValue())
                .booleanValue());
    }
}
