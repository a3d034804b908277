package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.PractitionerMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Practitioner;

/** Practitioners: the staff directory, found by identifier and by name (any part, any case). */
@ApplicationScoped
public class PractitionerProvider extends DirectoryProvider<Practitioner, dev.missive.directory.Practitioner> {

    public PractitionerProvider() {
        super(
                Practitioner.class,
                dev.missive.directory.Practitioner.class,
                PractitionerMapper::fromFhir,
                PractitionerMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Practitioner.SP_NAME) StringParam name) {
        return page(
                DirectoryQuery.ALL.withIdentifier(Identifiers.of(identifier)).withName(SearchParams.text(name)));
    }
}
