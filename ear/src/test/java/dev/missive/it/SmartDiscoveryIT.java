package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.conformance.ConformanceResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * A client that knows only the FHIR base finds where to get a token without one: the
 * CapabilityStatement and SMART discovery are public, agree with the realm Keycloak itself
 * describes, and nothing else is open.
 */
class SmartDiscoveryIT extends MissiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void smartConfigurationIsPublicAndNamesTheRealmsOwnEndpoints() throws Exception {
        HttpResponse<String> response = get(Fhir.base() + "/.well-known/smart-configuration");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode smart = JSON.readTree(response.body());
        JsonNode keycloak = keycloakDiscovery();
        for (String field : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")) {
            assertEquals(keycloak.get(field).asText(), smart.get(field).asText(), field);
        }
        assertEquals(List.of("S256"), texts(smart.get("code_challenge_methods_supported")));
        assertTrue(texts(smart.get("capabilities")).containsAll(List.of("launch-standalone", "client-public")));
        assertTrue(texts(keycloak.get("code_challenge_methods_supported")).contains("S256"), "Keycloak honours it");
    }

    @Test
    void everyScopeDiscoveryListsIsOneTheRealmGrants() throws Exception {
        List<String> listed = texts(JSON.readTree(
                        get(Fhir.base() + "/.well-known/smart-configuration").body())
                .get("scopes_supported"));
        List<String> people =
                listed.stream().filter(scope -> !scope.startsWith("system/")).toList();
        List<String> backend =
                listed.stream().filter(scope -> scope.startsWith("system/")).toList();
        assertTrue(granted("alice", people).containsAll(people), "people's scopes: " + people);
        assertTrue(granted(Tokens.INTEGRATION, backend).containsAll(backend), "backend scopes: " + backend);
    }

    @Test
    void theFhirUserClaimNamesTheDirectoryEntryTheAccountActsAs() throws Exception {
        for (String account : List.of("alice", "gina", "drlee")) {
            String token = Tokens.withScopes(account, "openid fhirUser patient/*.rs user/*.rs");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            String fhirUser = claims.get("fhirUser").asText();
            Fhir.Response entry = Fhir.withToken(token).get(fhirUser);
            assertEquals(200, entry.status(), account + " reads " + fhirUser + ": " + entry);
            assertTrue(entry.body().contains("\"value\":\"" + account + "\""), account + " is " + fhirUser);
        }
    }

    @Test
    void aGenericClientDiscoversTheServerWithoutATokenAndThenSignsIn() throws Exception {
        IGenericClient anonymous = client();
        CapabilityStatement statement =
                anonymous.capabilities().ofType(CapabilityStatement.class).execute();
        CapabilityStatementRestSecurityComponent security =
                statement.getRestFirstRep().getSecurity();
        assertEquals(
                "SMART-on-FHIR",
                security.getServiceFirstRep().getCodingFirstRep().getCode());
        Extension uris =
                security.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        assertEquals(
                keycloakDiscovery().get("token_endpoint").asText(),
                uris.getExtensionByUrl("token").getValue().primitiveValue());

        IGenericClient alice = client();
        alice.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.of("alice")));
        Bundle found = alice.search()
                .forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(MissiveFhir.PORTAL_USERNAME, "alice"))
                .returnBundle(Bundle.class)
                .execute();
        assertEquals(1, found.getEntry().size(), "the same client, with a token, reads");
    }

    @Test
    void theCanonicalResourcesAreReadWithoutATokenAndNothingElseIs() {
        Fhir anonymous = Fhir.anonymous();
        for (MetadataResource resource : ConformanceResources.load().all()) {
            Fhir.Response byUrl = anonymous.get(resource.fhirType() + "?url=" + resource.getUrl());
            assertEquals(200, byUrl.status(), byUrl::toString);
            assertEquals(1, byUrl.bundle().getEntry().size(), resource.getUrl());
        }
        assertEquals(200, anonymous.get("CodeSystem/rule").status());
        assertEquals(
                401,
                anonymous
                        .postRaw("CodeSystem", "{\"resourceType\":\"CodeSystem\"}")
                        .status());
        assertEquals(401, anonymous.get("Communication?part-of:missing=true").status());
        assertEquals(401, anonymous.get("Patient").status());
    }

    /** The scopes Keycloak puts into a token asked for with {@code scopes}. */
    private static List<String> granted(String account, List<String> scopes) throws IOException {
        String payload = Tokens.withScopes(account, String.join(" ", scopes)).split("\\.")[1];
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        return List.of(claims.get("scope").asText().split(" "));
    }

    private static IGenericClient client() {
        Fhir.CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        return Fhir.CONTEXT.newRestfulGenericClient(Fhir.base());
    }

    private static JsonNode keycloakDiscovery() throws IOException, InterruptedException {
        HttpResponse<String> response =
                get(System.getProperty("missive.it.keycloak") + "/realms/missive/.well-known/openid-configuration");
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
