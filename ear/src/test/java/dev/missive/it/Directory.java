package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Finding directory entries the way a portal does: by the portal-username identifier. */
final class Directory {

    static final String PORTAL_USERNAME = "https://missive.dev/fhir/sid/portal-username";

    private Directory() {}

    static Bundle search(Fhir client, String type, String username) {
        Fhir.Response response = client.get(type + "?identifier=" + PORTAL_USERNAME + "%7C" + username);
        assertEquals(200, response.status(), response::toString);
        return response.bundle();
    }

    /** The id of the one entry the caller can see for that username. */
    static String idOf(Fhir client, String type, String username) {
        Bundle bundle = search(client, type, username);
        assertEquals(1, bundle.getEntry().size(), () -> type + " " + username + " should be visible once");
        Resource resource = bundle.getEntryFirstRep().getResource();
        return resource.getIdElement().getIdPart();
    }

    /** A patient's agreement to be billed for messages, as the portal posts it. */
    static Consent billingConsent(String patientId) {
        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setPatient(new Reference("Patient/" + patientId));
        consent.getScope()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
                .setCode("patient-privacy");
        consent.addCategory()
                .addCoding()
                .setSystem("https://missive.dev/fhir/CodeSystem/consent-category")
                .setCode("message-billing");
        consent.setDateTimeElement(DateTimeType.now());
        return consent;
    }
}
