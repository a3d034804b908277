package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.directory.DirectoryQuery;
import dev.missive.fhir.mapping.PractitionerRoleMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.PractitionerRole;

/** What each practitioner does for messaging: available for portal messages, charges, message types taken. */
@ApplicationScoped
public class PractitionerRoleProvider
        extends DirectoryProvider<PractitionerRole, dev.missive.directory.PractitionerRole> {

    public PractitionerRoleProvider() {
        super(
                PractitionerRole.class,
                dev.missive.directory.PractitionerRole.class,
                PractitionerRoleMapper::fromFhir,
                PractitionerRoleMapper::toFhir);
    }

    /** Without parameters: every entry the caller may see, a page at a time. */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = PractitionerRole.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner) {
        return page(DirectoryQuery.ALL
                .withIdentifier(Identifiers.of(identifier))
                .withPractitioner(SearchParams.idOf(practitioner, "Practitioner")));
    }
}
