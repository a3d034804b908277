package dev.missive.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Creates the seeded people as users of the missive realm through Keycloak's admin REST API. */
final class KeycloakUsers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final String realmAdmin;
    private final Tokens admin;

    KeycloakUsers(Http http, String keycloak) {
        this.http = http;
        this.realmAdmin = keycloak + "/admin/realms/missive";
        this.admin = Tokens.keycloakAdmin(http, keycloak);
    }

    /** Creates the user unless it exists (409), then grants the realm role (granting twice is harmless). */
    void ensure(Clinic.Person person) {
        String role = person.kind() == Clinic.Kind.PATIENT ? "patient" : "practitioner";
        Map<String, Object> user = Map.of(
                "username",
                person.username(),
                "enabled",
                true,
                "emailVerified",
                true,
                "email",
                person.email(),
                "firstName",
                "Bench",
                "lastName",
                person.id(),
                "credentials",
                List.of(Map.of("type", "password", "value", person.username(), "temporary", false)));
        Http.Answer created = http.post(realmAdmin + "/users", admin.get(), "application/json", write(user));
        if (!created.ok() && created.status() != 409) {
            created.orFail("create user " + person.username());
        }
        String userId = read(http.get(realmAdmin + "/users?exact=true&username=" + person.username(), admin.get())
                        .orFail("find user")
                        .body())
                .get(0)
                .get("id")
                .asText();
        String roleJson = http.get(realmAdmin + "/roles/" + role, admin.get())
                .orFail("role " + role)
                .body();
        http.post(
                        realmAdmin + "/users/" + userId + "/role-mappings/realm",
                        admin.get(),
                        "application/json",
                        "[" + roleJson + "]")
                .orFail("grant " + role);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
