package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Consent;
import dev.missive.fhir.MissiveFhir;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * Consent resources to and from billing consents: status, patient, the category
 * {@code consent-category#message-billing} and when it was given ({@code dateTime}). What R4
 * requires beyond that is the same for every billing consent and is not stored: the scope is
 * treatment (the paid messaging service) and the rule an opt-in.
 */
public final class ConsentMapper {

    private static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private ConsentMapper() {}

    public static Consent fromFhir(org.hl7.fhir.r4.model.Consent resource, String id) {
        Consent consent = new Consent(id);
        DirectoryMapping.fromFhir(resource.getIdentifier(), consent);
        if (!resource.hasStatus()) {
            throw new InvalidRequestException("Consent.status is required");
        }
        consent.setStatus(resource.getStatus().toCode());
        consent.setPatientId(References.idOf(resource.getPatient(), "Patient", "Consent.patient"));
        boolean billing = resource.getCategory().stream()
                .flatMap(category -> category.getCoding().stream())
                .anyMatch(coding -> MissiveFhir.CONSENT_CATEGORY.equals(coding.getSystem())
                        && Consent.MESSAGE_BILLING.equals(coding.getCode()));
        if (!billing) {
            throw new InvalidRequestException(
                    "Consent.category must be " + MissiveFhir.CONSENT_CATEGORY + "#" + Consent.MESSAGE_BILLING);
        }
        consent.setCategory(Consent.MESSAGE_BILLING);
        consent.setGivenAt(resource.hasDateTime() ? resource.getDateTime().toInstant() : null);
        return consent;
    }

    public static org.hl7.fhir.r4.model.Consent toFhir(Consent consent) {
        org.hl7.fhir.r4.model.Consent resource = new org.hl7.fhir.r4.model.Consent();
        DirectoryMapping.toFhir(consent, resource, resource.getIdentifier());
        resource.setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.fromCode(consent.getStatus()));
        resource.setScope(new CodeableConcept(new Coding(CONSENT_SCOPE, "treatment", "Treatment")));
        resource.addCategory(
                new CodeableConcept(new Coding(MissiveFhir.CONSENT_CATEGORY, consent.getCategory(), null)));
        resource.setPatient(new Reference("Patient/" + consent.getPatientId()));
        if (consent.getGivenAt() != null) {
            resource.setDateTime(Date.from(consent.getGivenAt()));
        }
        resource.setPolicyRule(new CodeableConcept(new Coding(ACT_CODE, "OPTIN", "opt-in")));
        return resource;
    }
}
