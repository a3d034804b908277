package dev.missive.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the suite's Keycloak: the password grant of the public missive-cli
 * client for demo users, client credentials for the integration engine. Cached per account
 * for the suite (they live 15 minutes in the demo realm).
 */
final class Tokens {

    static final String INTEGRATION = "integration-engine";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens last 15 minutes and a suite on a busy machine runs longer: one is reissued a minute before it ends. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();
    /** SMART scopes of a person's token: whatever Missive's rules allow them. */
    static final String PEOPLE_SCOPES = "openid patient/*.cruds user/*.cruds";

    private Tokens() {}

    /** A token for {@code account} with the scopes its client asks for every day. */
    static String of(String account) {
        return CACHE.compute(
                        account,
                        (name, held) -> held != null
                                        && held.expires().isAfter(Instant.now().plus(MARGIN))
                                ? held
                                : issue(name, INTEGRATION.equals(name) ? "system/*.cruds" : PEOPLE_SCOPES))
                .token();
    }

    /** A fresh token for {@code account} with only {@code scopes} (space-separated). */
    static String withScopes(String account, String scopes) {
        return issue(account, scopes).token();
    }

    private record Issued(String token, Instant expires) {}

    private static Issued issue(String account, String scopes) {
        Map<String, String> form = INTEGRATION.equals(account)
                ? Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        INTEGRATION,
                        "client_secret",
                        "integration-secret",
                        "scope",
                        scopes)
                : Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "missive-cli",
                        "username",
                        account,
                        "password",
                        account,
                        "scope",
                        scopes);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        System.getProperty("missive.it.keycloak") + "/realms/missive/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + account + ": " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            return new Issued(
                    token.get("access_token").asText(),
                    Instant.now().plusSeconds(token.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
