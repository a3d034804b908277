package dev.missive.fhir.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A claim of the request's bearer token, read from its payload. The container has verified the
 * token's signature, issuer, audience and expiry before the request gets here; this only reads.
 */
final class BearerToken {

    private static final String BEARER = "Bearer ";
    private final ObjectMapper json = new ObjectMapper();

    /** The text of {@code claim} in the token of {@code authorization} (the header), or "" if there is none. */
    String claim(String authorization, String claim) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "";
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.", -1);
        if (parts.length != 3) {
            return "";
        }
        try {
            JsonNode payload =
                    json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode value = payload == null ? null : payload.get(claim);
            return value != null && value.isTextual() ? value.asText() : "";
        } catch (IllegalArgumentException | IOException unreadable) {
            return "";
        }
    }
}
