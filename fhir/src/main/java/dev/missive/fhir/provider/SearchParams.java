package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** Reference and string search parameters, as the ids and text the services take. */
final class SearchParams {

    private SearchParams() {}

    /** The id of {@code Type/id} or {@code id}; null when the parameter is absent. */
    static String idOf(ReferenceParam reference, String type) {
        if (reference == null) {
            return null;
        }
        if (reference.getIdPart() == null
                || reference.hasChain()
                || reference.getResourceType() != null && !type.equals(reference.getResourceType())) {
            throw new InvalidRequestException("Search by reference to a " + type + ": " + type + "/{id}");
        }
        return reference.getIdPart();
    }

    /** The text of a string parameter; null when it is absent. */
    static String text(StringParam text) {
        if (text == null) {
            return null;
        }
        if (text.getValue() == null || text.getValue().isBlank()) {
            throw new InvalidRequestException("A name search needs at least one character");
        }
        return text.getValue().strip();
    }
}
