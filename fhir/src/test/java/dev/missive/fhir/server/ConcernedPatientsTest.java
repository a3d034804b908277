package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

class ConcernedPatientsTest {

    @Test
    void aPatientASubjectAndAPatientElement() {
        Patient ben = new Patient();
        ben.setId("ben");
        Communication message = new Communication().setSubject(new Reference("Patient/chloe"));
        RelatedPerson proxy = new RelatedPerson().setPatient(new Reference("Patient/alice"));

        assertEquals(Set.of("ben", "chloe", "alice"), ConcernedPatients.of(ben, message, proxy, null));
    }

    @Test
    void everyEntryOfABundleAndNothingFromOtherResources() {
        Bundle page = new Bundle();
        page.addEntry().setResource(new Communication().setSubject(new Reference("Patient/ben")));
        page.addEntry().setResource(new Communication().setSubject(new Reference("Group/g1")));
        page.addEntry().setResource(new Practitioner());

        assertEquals(Set.of("ben"), ConcernedPatients.of(page));
    }
}
