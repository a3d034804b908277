package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.param.TokenParam;
import dev.missive.fhir.MissiveFhir;
import java.util.Optional;

/** People are found by the portal-username identifier: the link between a token and the directory. */
final class Identifiers {

    private Identifiers() {
    }

    /** The username searched for, or empty when the search names another identifier system. */
    static Optional<String> portalUsername(TokenParam identifier) {
        boolean system = identifier.getSystem() == null || identifier.getSystem().isEmpty()
                || MissiveFhir.PORTAL_USERNAME.equals(identifier.getSystem());
        return system && identifier.getValue() != null ? Optional.of(identifier.getValue()) : Optional.empty();
    }
}
