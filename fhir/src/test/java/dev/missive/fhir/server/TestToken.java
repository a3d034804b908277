package dev.missive.fhir.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A bearer token as Keycloak shapes it (a JWT with {@code preferred_username}, the realm roles
 * and {@code scope}), unsigned: in these tests {@link BearerCaller} stands for the container
 * that would verify it.
 */
public record TestToken(String account, String role, String scope) {

    /** The tests' usual caller: a practitioner whose token allows whatever the rules do. */
    public static final TestToken PRACTITIONER = new TestToken(StubbedEndpoint.CALLER, "practitioner", "user/*.cruds");

    public TestToken withScope(String otherScope) {
        return new TestToken(account, role, otherScope);
    }

    public String header() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String payload = new ObjectMapper()
                    .writeValueAsString(Map.of(
                            "preferred_username", account,
                            "realm_access", Map.of("roles", List.of(role)),
                            "scope", scope));
            return "Bearer " + base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".unsigned";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
