package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.EpisodeOfCareMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/** The charts a thread can be "regarding" when a patient has more than one. */
@ApplicationScoped
public class EpisodeOfCareProvider extends DirectoryProvider<EpisodeOfCare, dev.missive.directory.EpisodeOfCare> {

    public EpisodeOfCareProvider() {
        super(
                EpisodeOfCare.class,
                dev.missive.directory.EpisodeOfCare.class,
                EpisodeOfCareMapper::fromFhir,
                EpisodeOfCareMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = EpisodeOfCare.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient) {
        return page(DirectoryQuery.ALL
                .withIdentifier(Identifiers.of(identifier))
                .withPatient(SearchParams.idOf(patient, "Patient")));
    }
}
