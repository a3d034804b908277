package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Signed-in people find themselves and their care team; integration engines keep it in sync. */
class DirectoryIT extends MissiveIT {

    @Test
    void aPatientFindsThemselvesAndTheirCareTeamOnly() {
        Fhir alice = Fhir.as("alice");
        Patient self = (Patient)
                Directory.search(alice, "Patient", "alice").getEntryFirstRep().getResource();
        assertEquals("Moreau", self.getNameFirstRep().getFamily());
        for (String practitioner : new String[] {"drlee", "drpatel", "nursekim"}) {
            Directory.idOf(alice, "Practitioner", practitioner);
        }
        assertTrue(Directory.search(alice, "Patient", "ben").getEntry().isEmpty(), "another patient is not visible");
        assertEquals(404, alice.get("Patient/ben").status());

        Fhir chloe = Fhir.as("chloe");
        assertTrue(
                Directory.search(chloe, "Practitioner", "drpatel").getEntry().isEmpty(),
                "a practitioner outside the care team is not visible");
    }

    @Test
    void aPractitionerSeesThePatientsTheyCareFor() {
        Fhir drpatel = Fhir.as("drpatel");
        Directory.idOf(drpatel, "Patient", "alice");
        assertTrue(Directory.search(drpatel, "Patient", "ben").getEntry().isEmpty());
    }

    @Test
    void updatesHonourIfMatchAndNeverDuplicate() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        Patient patient = new Patient();
        patient.setId("it-versioned");
        patient.addName().setFamily("Versioned").addGiven("Vera");
        Fhir.Response created = integration.put("Patient/it-versioned", patient, null);
        assertTrue(created.status() == 201 || created.status() == 200, created::toString);
        String version = created.as(Patient.class).getMeta().getVersionId();

        patient.getNameFirstRep().setFamily("Renamed");
        Fhir.Response updated = integration.put("Patient/it-versioned", patient, "W/\"" + version + "\"");
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(
                Long.parseLong(version) + 1,
                Long.parseLong(updated.as(Patient.class).getMeta().getVersionId()));

        Fhir.Response stale = integration.put("Patient/it-versioned", patient, "W/\"" + version + "\"");
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(
                "Renamed",
                integration
                        .get("Patient/it-versioned")
                        .as(Patient.class)
                        .getNameFirstRep()
                        .getFamily());
    }

    @Test
    void textLongerThanItsLimitIs400AndWritesNothing() {
        Fhir integration = Fhir.as(Tokens.INTEGRATION);
        Patient patient = new Patient();
        patient.setId("it-long-name");
        patient.addName().setFamily("Diagnosis" + "x".repeat(300));
        Fhir.Response created = integration.put("Patient/it-long-name", patient, null);
        assertEquals(400, created.status(), created::toString);
        assertTrue(created.body().contains("familyName") && !created.body().contains("Diagnosis"), created::toString);
        assertEquals(404, integration.get("Patient/it-long-name").status(), "nothing written");

        Patient withLongId = new Patient();
        withLongId.setId("i".repeat(65));
        Fhir.Response longId = integration.put("Patient/" + withLongId.getIdPart(), withLongId, null);
        assertEquals(400, longId.status(), longId::toString);
    }
}
