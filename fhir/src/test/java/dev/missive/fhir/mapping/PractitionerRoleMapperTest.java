package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Period;
import dev.missive.fhir.MissiveFhir;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class PractitionerRoleMapperTest {

    private static PractitionerRole role() {
        PractitionerRole resource = new PractitionerRole();
        resource.setPractitioner(new Reference("Practitioner/drpatel"));
        resource.addCode(
                new CodeableConcept(new Coding("http://snomed.info/sct", "158965000", "Medical practitioner")));
        resource.addCode(
                new CodeableConcept(new Coding(MissiveFhir.PRACTITIONER_ROLE, MissiveFhir.PORTAL_MESSAGING, null)));
        resource.addExtension(MissiveFhir.CHARGES_FOR_MESSAGES, new BooleanType(true));
        resource.addExtension(MissiveFhir.MESSAGE_TYPES, new CodeType("general"));
        resource.addExtension(MissiveFhir.MESSAGE_TYPES, new CodeType("test-results"));
        return resource;
    }

    @Test
    void portalMessagingChargesAndMessageTypesComeFromCodeAndExtensions() {
        dev.missive.directory.PractitionerRole role = PractitionerRoleMapper.fromFhir(role(), "role-drpatel");
        assertEquals("drpatel", role.getPractitionerId());
        assertTrue(role.isPortalMessaging());
        assertTrue(role.isChargesForMessages());
        assertTrue(role.isActive());
        assertEquals(Set.of("general", "test-results"), role.getMessageTypes());
    }

    @Test
    void withoutThePortalMessagingCodeOrExtensionsARoleTakesNoMessagesAndChargesNothing() {
        PractitionerRole nurse = new PractitionerRole();
        nurse.setPractitioner(new Reference("Practitioner/nursekim"));
        nurse.addCode(new CodeableConcept(new Coding("http://snomed.info/sct", "224535009", "Registered nurse")));
        dev.missive.directory.PractitionerRole role = PractitionerRoleMapper.fromFhir(nurse, null);
        assertFalse(role.isPortalMessaging());
        assertFalse(role.isChargesForMessages());
        assertTrue(role.getMessageTypes().isEmpty(), "no message-types extension: every type");
    }

    @Test
    void itReadsBackWithTheCodeAndExtensionsItWasWrittenWith() {
        dev.missive.directory.PractitionerRole role = PractitionerRoleMapper.fromFhir(role(), "role-drpatel");
        role.setPeriod(new Period(Instant.parse("2024-01-01T00:00:00Z"), null));
        role.touch(Instant.parse("2026-01-01T00:00:00Z"));
        PractitionerRole resource = PractitionerRoleMapper.toFhir(role);
        assertEquals("Practitioner/drpatel", resource.getPractitioner().getReference());
        assertEquals(
                MissiveFhir.PORTAL_MESSAGING,
                resource.getCodeFirstRep().getCodingFirstRep().getCode());
        assertTrue(((BooleanType) resource.getExtensionByUrl(MissiveFhir.CHARGES_FOR_MESSAGES)
                        .getValue())
                .booleanValue());
        List<String> types = resource.getExtensionsByUrl(MissiveFhir.MESSAGE_TYPES).stream()
                .map(extension -> extension.getValue().primitiveValue())
                .toList();
        assertEquals(List.of("general", "test-results"), types);
        assertTrue(resource.getPeriod().hasStart());
        assertFalse(resource.getPeriod().hasEnd());
    }

    @Test
    void unknownMessageTypesAndARoleWithoutPractitionerAreRefused() {
        PractitionerRole gossip = role();
        gossip.addExtension(MissiveFhir.MESSAGE_TYPES, new CodeType("gossip"));
        PractitionerRole notACode = role();
        notACode.addExtension(new Extension(MissiveFhir.MESSAGE_TYPES, new StringType("general")));
        PractitionerRole nobody = role();
        nobody.setPractitioner(null);
        for (PractitionerRole bad : List.of(gossip, notACode, nobody)) {
            assertThrows(InvalidRequestException.class, () -> PractitionerRoleMapper.fromFhir(bad, null));
        }
    }
}
