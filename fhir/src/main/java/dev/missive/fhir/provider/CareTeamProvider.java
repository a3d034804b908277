package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.CareTeamMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.CareTeam;

/** A patient's care team: the practitioners they may message under the care-team policy. */
@ApplicationScoped
public class CareTeamProvider extends DirectoryProvider<CareTeam, dev.missive.directory.CareTeam> {

    public CareTeamProvider() {
        super(CareTeam.class, dev.missive.directory.CareTeam.class, CareTeamMapper::fromFhir, CareTeamMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = CareTeam.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = CareTeam.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = CareTeam.SP_PARTICIPANT) ReferenceParam participant) {
        return page(DirectoryQuery.ALL
                .withIdentifier(Identifiers.of(identifier))
                .withPatient(SearchParams.idOf(patient, "Patient"))
                .withPractitioner(SearchParams.idOf(participant, "Practitioner")));
    }
}
