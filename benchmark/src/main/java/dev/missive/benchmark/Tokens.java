package dev.missive.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * One caller's access token from Keycloak, fetched again a minute before it expires; while
 * Keycloak does not answer, the token in hand serves until it expires, as a client's would.
 */
final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MARGIN_MS = 60_000;
    /** SMART scopes of a person's token: whatever Missive's rules allow them. */
    private static final String PEOPLE_SCOPES = "openid patient/*.cruds user/*.cruds";

    private final Http http;
    private final String tokenUrl;
    private final Map<String, String> grant;
    private String token;
    private long expiresAt;

    private Tokens(Http http, String tokenUrl, Map<String, String> grant) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.grant = grant;
    }

    /** A person of the missive realm, by password (the demo password equals the username). */
    static Tokens person(Http http, String keycloak, String username) {
        return new Tokens(
                http,
                keycloak + "/realms/missive/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "missive-cli",
                        "username",
                        username,
                        "password",
                        username,
                        "scope",
                        PEOPLE_SCOPES));
    }

    static Tokens integrationEngine(Http http, String keycloak) {
        return new Tokens(
                http,
                keycloak + "/realms/missive/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "integration-engine",
                        "client_secret",
                        "integration-secret",
                        "scope",
                        "system/*.cruds"));
    }

    /** The master realm's admin (the demo console's admin/admin), for creating users. */
    static Tokens keycloakAdmin(Http http, String keycloak) {
        return new Tokens(
                http,
                keycloak + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
    }

    synchronized String get() {
        long now = System.currentTimeMillis();
        if (token == null || now > expiresAt - MARGIN_MS) {
            Http.Answer answer = http.form(tokenUrl, grant);
            if (!answer.ok() && token != null && now < expiresAt) {
                return token;
            }
            answer.orFail("token for " + grant.getOrDefault("username", grant.get("client_id")));
            try {
                JsonNode json = JSON.readTree(answer.body());
                token = json.get("access_token").asText();
                expiresAt = System.currentTimeMillis() + json.get("expires_in").asLong() * 1000;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable token answer", e);
            }
        }
        return token;
    }
}
