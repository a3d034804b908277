package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.ConsentMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Consent;

/** Billing consents: written by the integration engine, or by a patient (or their proxy) for that patient. */
@ApplicationScoped
public class ConsentProvider extends DirectoryProvider<Consent, dev.missive.directory.Consent> {

    public ConsentProvider() {
        super(Consent.class, dev.missive.directory.Consent.class, ConsentMapper::fromFhir, ConsentMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Consent.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
        return page(DirectoryQuery.ALL
                .withIdentifier(Identifiers.of(identifier))
                .withPatient(SearchParams.idOf(patient, "Patient")));
    }
}
