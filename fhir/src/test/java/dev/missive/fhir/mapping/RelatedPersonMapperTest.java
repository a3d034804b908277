package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Identifier;
import dev.missive.fhir.MissiveFhir;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

class RelatedPersonMapperTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2032-09-03T00:00:00Z");

    private static RelatedPerson gina() {
        RelatedPerson resource = new RelatedPerson();
        resource.addIdentifier().setSystem(MissiveFhir.PORTAL_USERNAME).setValue("gina");
        resource.addIdentifier().setSystem("urn:ehr:contact").setValue("C-42");
        resource.setPatient(new Reference("Patient/ben"));
        resource.addRelationship(new CodeableConcept(new Coding(RelatedPersonMapper.ROLE_CODE, "GUARD", "guardian")));
        resource.setActive(false);
        resource.setPeriod(new Period().setStart(Date.from(FROM)).setEnd(Date.from(UNTIL)));
        resource.addName().setFamily("Moreau").addGiven("Gina");
        resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("gina@example.com");
        return resource;
    }

    @Test
    void aProxyKeepsPatientRelationshipPeriodAccountAndEveryIdentifier() {
        dev.missive.directory.RelatedPerson proxy = RelatedPersonMapper.fromFhir(gina(), "gina-for-ben");
        assertEquals("ben", proxy.getPatientId());
        assertEquals("GUARD", proxy.getRelationship());
        assertFalse(proxy.isActive());
        assertEquals(FROM, proxy.getPeriod().start());
        assertEquals(UNTIL, proxy.getPeriod().end());
        assertEquals("gina", proxy.getPortalUsername());
        assertEquals("Gina Moreau", proxy.displayName());
        assertEquals("gina@example.com", proxy.getEmail());
        assertEquals(
                Set.of(new Identifier(MissiveFhir.PORTAL_USERNAME, "gina"), new Identifier("urn:ehr:contact", "C-42")),
                proxy.getIdentifiers());
    }

    @Test
    void itReadsBackAsItWasWritten() {
        dev.missive.directory.RelatedPerson proxy = RelatedPersonMapper.fromFhir(gina(), "gina-for-ben");
        proxy.touch(FROM);
        RelatedPerson resource = RelatedPersonMapper.toFhir(proxy);
        assertEquals("gina-for-ben", resource.getIdElement().getIdPart());
        assertEquals("Patient/ben", resource.getPatient().getReference());
        assertEquals(
                "GUARD", resource.getRelationshipFirstRep().getCodingFirstRep().getCode());
        assertEquals(
                RelatedPersonMapper.ROLE_CODE,
                resource.getRelationshipFirstRep().getCodingFirstRep().getSystem());
        assertEquals(Date.from(UNTIL), resource.getPeriod().getEnd());
        assertEquals(2, resource.getIdentifier().size(), "the portal account is not added twice");
        assertEquals("C-42", resource.getIdentifier().get(1).getValue());
        assertFalse(resource.getActive());
    }

    @Test
    void aProxyNeedsAPatient() {
        RelatedPerson noPatient = gina();
        noPatient.setPatient(null);
        assertThrows(InvalidRequestException.class, () -> RelatedPersonMapper.fromFhir(noPatient, null));
        RelatedPerson aPractitioner = gina();
        aPractitioner.setPatient(new Reference("Practitioner/drlee"));
        assertThrows(InvalidRequestException.class, () -> RelatedPersonMapper.fromFhir(aPractitioner, null));
    }
}
