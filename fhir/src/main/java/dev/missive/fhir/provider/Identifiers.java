package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.UrlUtil;
import dev.missive.directory.Identifier;
import java.util.Map;

/**
 * The {@code identifier} search parameter and the {@code If-None-Exist} condition, as directory
 * identifiers: {@code system|value}, or {@code value} (or {@code |value}) for that value in any system.
 */
final class Identifiers {

    private static final String IDENTIFIER = "identifier";

    private Identifiers() {}

    /** The identifier searched for, or null when the search does not name one. */
    static Identifier of(TokenParam token) {
        if (token == null) {
            return null;
        }
        return identifier(token.getSystem(), token.getValue());
    }

    /** The identifier of an {@code If-None-Exist} condition ({@code [Type?]identifier=system|value}), or null. */
    static Identifier ifNoneExist(String condition) {
        if (condition == null) {
            return null;
        }
        Map<String, String[]> parameters = UrlUtil.parseQueryString(condition.substring(condition.indexOf('?') + 1));
        String[] values = parameters.get(IDENTIFIER);
        if (parameters.size() != 1 || values == null || values.length != 1) {
            throw new InvalidRequestException("If-None-Exist must be identifier=system|value");
        }
        int bar = values[0].indexOf('|');
        return bar < 0
                ? identifier(null, values[0])
                : identifier(values[0].substring(0, bar), values[0].substring(bar + 1));
    }

    private static Identifier identifier(String system, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("An identifier needs a value: identifier=system|value");
        }
        return new Identifier(system == null || system.isEmpty() ? null : system, value);
    }
}
