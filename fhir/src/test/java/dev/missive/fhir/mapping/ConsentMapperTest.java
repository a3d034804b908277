package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ConsentMapperTest {

    private static final Instant GIVEN = Instant.parse("2026-11-21T10:00:00Z");

    private static Consent billing() {
        Consent resource = new Consent();
        resource.setStatus(Consent.ConsentState.ACTIVE);
        resource.setPatient(new Reference("Patient/alice"));
        resource.addCategory(new CodeableConcept(new Coding(MissiveFhir.CONSENT_CATEGORY, "message-billing", null)));
        resource.setDateTime(Date.from(GIVEN));
        return resource;
    }

    @Test
    void aBillingConsentIsStatusPatientAndWhenItWasGiven() {
        dev.missive.directory.Consent consent = ConsentMapper.fromFhir(billing(), null);
        assertTrue(consent.coversMessageBillingFor("alice"));
        assertEquals(GIVEN, consent.getGivenAt());
    }

    @Test
    void itReadsBackWithWhatR4RequiresOfAConsent() {
        dev.missive.directory.Consent consent = ConsentMapper.fromFhir(billing(), "consent-1");
        consent.touch(GIVEN);
        Consent resource = ConsentMapper.toFhir(consent);
        assertEquals(Consent.ConsentState.ACTIVE, resource.getStatus());
        assertEquals(
                "message-billing",
                resource.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("Patient/alice", resource.getPatient().getReference());
        assertEquals(Date.from(GIVEN), resource.getDateTime());
        assertTrue(resource.hasScope(), "scope is 1..1 in R4");
        assertTrue(resource.hasPolicyRule(), "ppc-1: a policy or a policy rule");
    }

    @Test
    void onlyBillingConsentsOfAPatientWithAStatusAreTaken() {
        Consent otherCategory = billing();
        otherCategory.getCategory().clear();
        otherCategory.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", null)));
        Consent noPatient = billing();
        noPatient.setPatient(null);
        Consent noStatus = billing();
        noStatus.setStatus(null);
        for (Consent bad : List.of(otherCategory, noPatient, noStatus)) {
            assertThrows(InvalidRequestException.class, () -> ConsentMapper.fromFhir(bad, null));
        }
    }
}
