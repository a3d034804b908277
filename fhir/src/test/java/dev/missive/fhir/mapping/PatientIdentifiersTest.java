package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.directory.Identifier;
import dev.missive.fhir.MissiveFhir;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Every identifier a resource carries is kept and read back, not only the portal account. */
class PatientIdentifiersTest {

    @Test
    void everyIdentifierWithAValueRoundTrips() {
        Patient resource = new Patient();
        resource.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.4.1").setValue("123-45-6789");
        resource.addIdentifier().setSystem(MissiveFhir.PORTAL_USERNAME).setValue("alice");
        resource.addIdentifier().setValue("no-system");
        resource.addIdentifier().setSystem("urn:empty");
        dev.missive.directory.Patient patient = PatientMapper.fromFhir(resource, "alice");
        assertEquals("alice", patient.getPortalUsername());
        assertEquals(
                Set.of(
                        new Identifier("urn:oid:2.16.840.1.113883.4.1", "123-45-6789"),
                        new Identifier(MissiveFhir.PORTAL_USERNAME, "alice"),
                        new Identifier(null, "no-system")),
                patient.getIdentifiers());

        patient.touch(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(
                List.of("123-45-6789", "alice", "no-system"),
                PatientMapper.toFhir(patient).getIdentifier().stream()
                        .map(org.hl7.fhir.r4.model.Identifier::getValue)
                        .toList());
    }

    @Test
    void anEntryReadWithoutItsIdentifiersStillNamesItsPortalAccount() {
        dev.missive.directory.Patient patient = new dev.missive.directory.Patient("ben");
        patient.setPortalUsername("ben");
        patient.touch(Instant.parse("2026-01-01T00:00:00Z"));
        org.hl7.fhir.r4.model.Identifier identifier =
                PatientMapper.toFhir(patient).getIdentifierFirstRep();
        assertEquals(MissiveFhir.PORTAL_USERNAME, identifier.getSystem());
        assertEquals("ben", identifier.getValue());
    }
}
