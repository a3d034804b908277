package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

/**
 * The whole directory over FHIR with real tokens: conditional create, If-Match, identifiers,
 * and who reads and writes what (demo data: gina is the guardian of Ben and Chloe; Dr Patel is
 * on Alice's care team only; Chloe saw Dr Lee ten days ago).
 */
class DirectoryResourcesIT extends MissiveIT {

    private static final String MRN = "urn:oid:1.2.36.146.595.217.0.1";

    @Test
    void aConditionalCreateSentTwiceMakesOneResource() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        String mrn = "MRN-" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN).setValue(mrn);
        patient.addIdentifier().setSystem("urn:ehr:local").setValue("L-" + mrn);
        patient.addName().setFamily("Retry").addGiven("Rita");
        String condition = "identifier=" + encode(MRN + "|" + mrn);

        Fhir.Response first = integration.postIfNoneExist("Patient", patient, condition);
        assertEquals(201, first.status(), first::toString);
        patient.getNameFirstRep().setFamily("Changed by the retry");
        Fhir.Response retry = integration.postIfNoneExist("Patient", patient, condition);
        assertEquals(200, retry.status(), retry::toString);
        Patient found = retry.as(Patient.class);
        assertEquals(id(first.as(Patient.class)), id(found));
        assertEquals("Retry", found.getNameFirstRep().getFamily(), "the retry wrote nothing");

        Bundle byIdentifier =
                integration.get("Patient?identifier=" + encode(MRN + "|" + mrn)).bundle();
        assertEquals(1, byIdentifier.getTotal());
        Patient read = integration.get("Patient/" + id(found)).as(Patient.class);
        assertEquals(
                Set.of(MRN + "|" + mrn, "urn:ehr:local|L-" + mrn),
                read.getIdentifier().stream()
                        .map(identifier -> identifier.getSystem() + "|" + identifier.getValue())
                        .collect(Collectors.toSet()),
                "every identifier round-trips");
        assertEquals(1, integration.get("Patient?identifier=L-" + mrn).bundle().getTotal(), "any system");
    }

    @Test
    void aConditionalCreateMatchingTwoResourcesIs412() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        String shared = "SHARED-" + UUID.randomUUID();
        for (String twin : List.of("it-twin-a-" + shared, "it-twin-b-" + shared)) {
            Patient patient = new Patient();
            patient.setId(twin);
            patient.addIdentifier().setSystem(MRN).setValue(shared);
            assertEquals(201, integration.put("Patient/" + twin, patient, null).status());
        }
        Fhir.Response ambiguous = integration.postIfNoneExist(
                "Patient",
                new Patient().addIdentifier(new Identifier().setSystem(MRN).setValue(shared)),
                "identifier=" + encode(MRN + "|" + shared));
        assertEquals(412, ambiguous.status(), ambiguous::toString);
        assertEquals(2, integration.get("Patient?identifier=" + shared).bundle().getTotal());
    }

    @Test
    void aStaleIfMatchIs412AndLeavesTheResourceAlone() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        Patient patient = new Patient();
        patient.setId("it-episodes-" + UUID.randomUUID());
        String patientId = patient.getIdPart();
        assertEquals(201, integration.put("Patient/" + patientId, patient, null).status());
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.setId("it-episode-" + UUID.randomUUID());
        episode.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        episode.setPatient(new Reference("Patient/" + patientId));
        episode.addType(new CodeableConcept().setText("Physiotherapy"));
        String path = "EpisodeOfCare/" + episode.getIdPart();
        Fhir.Response created = integration.put(path, episode, null);
        assertEquals(201, created.status(), created::toString);
        String version = created.as(EpisodeOfCare.class).getMeta().getVersionId();

        episode.setStatus(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        assertEquals(
                200, integration.put(path, episode, "W/\"" + version + "\"").status());
        episode.getTypeFirstRep().setText("Stale");
        Fhir.Response stale = integration.put(path, episode, "W/\"" + version + "\"");
        assertEquals(412, stale.status(), stale::toString);
        EpisodeOfCare stored = integration.get(path).as(EpisodeOfCare.class);
        assertEquals("Physiotherapy", stored.getTypeFirstRep().getText());
        assertEquals(EpisodeOfCare.EpisodeOfCareStatus.FINISHED, stored.getStatus());
    }

    @Test
    void aGuardianReadsTheChildrenTheyActForAndTheirOwnRecords() {
        Fhir gina = Fhir.as("gina");
        assertEquals(200, gina.get("Patient/ben").status());
        assertEquals(200, gina.get("Patient/chloe").status());
        assertEquals(404, gina.get("Patient/alice").status());
        assertEquals(Set.of("ben", "chloe"), ids(gina.get("Patient").bundle()), "no parameter: what gina may see");
        assertEquals(
                Set.of("gina-for-ben", "gina-for-chloe"),
                ids(gina.get("RelatedPerson").bundle()));
        assertEquals(
                Set.of("appointment-chloe-drlee"),
                ids(gina.get("Appointment?patient=Patient/chloe").bundle()));
        assertEquals(404, gina.get("EpisodeOfCare/episode-alice-knee").status());
        assertEquals(Set.of("episode-ben-asthma"), ids(gina.get("EpisodeOfCare").bundle()));
        assertEquals(200, gina.get("Practitioner/drlee").status());
        assertEquals(404, gina.get("Practitioner/drpatel").status(), "not on Ben's or Chloe's care team");
    }

    @Test
    void aPatientReadsTheirOwnRecordsAndTheirCareTeamOnly() {
        Fhir alice = Fhir.as("alice");
        assertEquals(404, alice.get("RelatedPerson/gina-for-ben").status());
        assertTrue(alice.get("RelatedPerson?patient=Patient/ben")
                .bundle()
                .getEntry()
                .isEmpty());
        assertTrue(alice.get("RelatedPerson?identifier=" + encode(Directory.PORTAL_USERNAME + "|gina"))
                .bundle()
                .getEntry()
                .isEmpty());
        assertEquals(
                Set.of("episode-alice-knee", "episode-alice-diabetes"),
                ids(alice.get("EpisodeOfCare").bundle()));
        assertEquals(
                "Knee rehabilitation",
                alice.get("EpisodeOfCare/episode-alice-knee")
                        .as(EpisodeOfCare.class)
                        .getTypeFirstRep()
                        .getText());
        assertEquals(Set.of("alice"), ids(alice.get("Patient?_count=1").bundle()));
        assertEquals(Set.of("careteam-alice"), ids(alice.get("CareTeam").bundle()));
        assertEquals(404, alice.get("Appointment/appointment-chloe-drlee").status());

        Fhir chloe = Fhir.as("chloe");
        assertEquals(Set.of("role-drlee"), ids(chloe.get("PractitionerRole").bundle()));
        assertTrue(chloe.get("PractitionerRole?practitioner=Practitioner/drpatel")
                .bundle()
                .getEntry()
                .isEmpty());
        PractitionerRole drlee = chloe.get("PractitionerRole/role-drlee").as(PractitionerRole.class);
        assertEquals(
                "portal-messaging", drlee.getCodeFirstRep().getCodingFirstRep().getCode());
    }

    @Test
    void aPractitionerFindsTheirPatientsByNameAndReadsTheStaffDirectory() {
        Fhir drpatel = Fhir.as("drpatel");
        assertEquals(Set.of("alice"), ids(drpatel.get("Patient?name=moreau").bundle()), "Alice, not Ben or Chloe");
        assertTrue(drpatel.get("Patient?name=ben").bundle().getEntry().isEmpty());
        assertEquals(404, drpatel.get("Patient/ben").status());
        assertEquals(
                Set.of("nursekim"), ids(drpatel.get("Practitioner?name=KIM").bundle()));
        assertTrue(ids(drpatel.get("PractitionerRole").bundle())
                .containsAll(Set.of("role-drlee", "role-drpatel", "role-nursekim")));
        PractitionerRole own =
                drpatel.get("PractitionerRole?practitioner=Practitioner/drpatel").bundle().getEntry().stream()
                        .map(entry -> (PractitionerRole) entry.getResource())
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                "true",
                own.getExtensionByUrl("https://missive.dev/fhir/StructureDefinition/charges-for-messages")
                        .getValue()
                        .primitiveValue());
        assertEquals(
                Set.of("episode-alice-knee", "episode-alice-diabetes"),
                ids(drpatel.get("EpisodeOfCare?patient=Patient/alice").bundle()));

        Fhir drlee = Fhir.as("drlee");
        assertEquals(
                Set.of("appointment-chloe-drlee"),
                ids(drlee.get("Appointment?practitioner=Practitioner/drlee").bundle()));
        assertEquals(
                Set.of("careteam-alice", "careteam-ben", "careteam-chloe", "pool-nurses"),
                ids(drlee.get("CareTeam?participant=Practitioner/drlee").bundle()),
                "his patients' care teams and his team pool");
    }

    @Test
    void peopleWriteNothingButTheirOwnSidesBillingConsent() {
        Fhir alice = Fhir.as("alice");
        Practitioner practitioner = new Practitioner();
        practitioner.setId("it-not-by-a-patient");
        practitioner.addName().setFamily("Nobody");
        assertEquals(
                403,
                alice.put("Practitioner/it-not-by-a-patient", practitioner, null)
                        .status());
        assertEquals(403, alice.post("Practitioner", practitioner).status());
        RelatedPerson selfAppointed = new RelatedPerson();
        selfAppointed.setPatient(new Reference("Patient/ben"));
        assertEquals(403, Fhir.as("gina").post("RelatedPerson", selfAppointed).status());
        assertEquals(
                404,
                Fhir.as(Tokens.INTEGRATION)
                        .get("Practitioner/it-not-by-a-patient")
                        .status());

        Fhir.Response own =
                alice.post("Consent", Directory.billingConsent("alice").setDateTimeElement(null));
        assertEquals(201, own.status(), own::toString);
        Consent recorded = own.as(Consent.class);
        assertTrue(recorded.hasDateTime(), "the server records when it was given");
        assertEquals(200, alice.get("Consent/" + id(recorded)).status());
        assertEquals(
                404,
                Fhir.as("drpatel").get("Consent/" + id(recorded)).status(),
                "billing consents are the patient side's");

        // Refused with 403 whether or not the other patient exists: nothing is revealed.
        assertEquals(403, alice.post("Consent", Directory.billingConsent("ben")).status());
        assertEquals(
                403,
                alice.post("Consent", Directory.billingConsent("no-such-patient"))
                        .status());
        Fhir gina = Fhir.as("gina");
        assertEquals(201, gina.post("Consent", Directory.billingConsent("ben")).status());
        assertEquals(
                403, gina.post("Consent", Directory.billingConsent("alice")).status());
        assertEquals(
                403,
                Fhir.as("drlee")
                        .post("Consent", Directory.billingConsent("chloe"))
                        .status());
    }

    private static Set<String> ids(Bundle bundle) {
        assertFalse(
                bundle.getTotal() > bundle.getEntry().size() && bundle.getLink(Bundle.LINK_NEXT) == null,
                "a partial page links to the next one");
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .collect(Collectors.toSet());
    }

    private static String id(org.hl7.fhir.r4.model.Resource resource) {
        return resource.getIdElement().getIdPart();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
