package dev.missive.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real tokens from the clinic's Keycloak, with the SMART scopes each client asks for (people
 * {@code openid patient/*.cruds user/*.cruds}, the integration engine {@code system/*.cruds}),
 * fetched again a minute before they expire; and two properly signed tokens Missive must refuse
 * all the same: one the realm issued to another client, one of another realm.
 */
public final class KeycloakTokens {

    static final String ENGINE = "integration-engine";
    private static final String PEOPLE_SCOPES = "openid patient/*.cruds user/*.cruds";
    private static final long MARGIN_MS = 60_000;

    private final String keycloak;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Long> expiries = new LinkedHashMap<>();

    /** @param keycloak Keycloak's base URL, {@code http://localhost:8180} */
    public KeycloakTokens(String keycloak) {
        this.keycloak = keycloak.replaceAll("/$", "");
    }

    /** The account's token (a demo user, whose password is the username, or the integration engine). */
    public synchronized String of(String account) {
        Long expiry = expiries.get(account);
        if (expiry == null || System.currentTimeMillis() > expiry - MARGIN_MS) {
            Map<String, String> form = ENGINE.equals(account)
                    ? Map.of(
                            "grant_type", "client_credentials",
                            "client_id", ENGINE,
                            "client_secret", "integration-secret",
                            "scope", "system/*.cruds")
                    : Map.of(
                            "grant_type", "password",
                            "client_id", "missive-cli",
                            "username", account,
                            "password", account,
                            "scope", PEOPLE_SCOPES);
            JsonNode answer = post("missive", form);
            if (answer == null) {
                throw new IllegalStateException("Keycloak at " + keycloak + " refused a token for " + account);
            }
            tokens.put(account, answer.get("access_token").asText());
            expiries.put(
                    account,
                    System.currentTimeMillis() + answer.path("expires_in").asLong(300) * 1000);
        }
        return tokens.get(account);
    }

    /** A token the clinic's realm issues to its built-in admin-cli client: signed, but not for Missive. Null if refused. */
    String otherClient(String account) {
        JsonNode answer = post(
                "missive",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", account, "password", account));
        return answer == null ? null : answer.get("access_token").asText();
    }

    /** A token of the master realm (its demo admin, admin/admin): signed by another key and issuer. Null if refused. */
    String otherRealm() {
        JsonNode answer = post(
                "master",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        return answer == null ? null : answer.get("access_token").asText();
    }

    private JsonNode post(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token")
                            .toURL()
                            .openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            try (InputStream in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
                byte[] answer = in == null ? new byte[0] : in.readAllBytes();
                return status == 200 ? Bodies.JSON.readTree(answer) : null;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloak, e);
        }
    }
}
