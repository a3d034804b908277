package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.RelatedPersonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.RelatedPerson;

/** Proxies (parents, guardians, caregivers): one RelatedPerson per patient they may act for. */
@ApplicationScoped
public class RelatedPersonProvider extends DirectoryProvider<RelatedPerson, dev.missive.directory.RelatedPerson> {

    public RelatedPersonProvider() {
        super(
                RelatedPerson.class,
                dev.missive.directory.RelatedPerson.class,
                RelatedPersonMapper::fromFhir,
                RelatedPersonMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = RelatedPerson.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient) {
        return page(DirectoryQuery.ALL
                .withIdentifier(Identifiers.of(identifier))
                .withPatient(SearchParams.idOf(patient, "Patient")));
    }
}
