package dev.missive.web;

import dev.missive.fhir.server.SigningRealm;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * SMART App Launch discovery ({@code /fhir/.well-known/smart-configuration}), public like the
 * CapabilityStatement: where to get a token for this server, from the realm the server verifies
 * tokens against. It lists only what the realm and Missive honour: standalone launch, public
 * clients with PKCE (the portal), confidential clients with a secret (integration engines),
 * OpenID Connect sign-in, refresh tokens, and SMART scopes v1 and v2 in the patient and user
 * contexts (system scopes for backend clients too), enforced as an upper bound.
 */
@WebServlet("/fhir/.well-known/smart-configuration")
public class SmartConfigurationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final List<String> CAPABILITIES = List.of(
            "launch-standalone",
            "client-public",
            "client-confidential-symmetric",
            "sso-openid-connect",
            "permission-v1",
            "permission-v2",
            "permission-patient",
            "permission-user",
            "permission-offline");

    /** The realm's client scopes (config/keycloak): sign-in, and SMART scopes in both versions. */
    static final List<String> SCOPES = List.of(
            "openid",
            "fhirUser",
            "profile",
            "email",
            "offline_access",
            "patient/*.cruds",
            "patient/*.rs",
            "patient/Communication.crus",
            "patient/Communication.rs",
            "patient/Patient.rs",
            "patient/*.read",
            "patient/*.write",
            "patient/*.*",
            "patient/Communication.read",
            "patient/Communication.write",
            "user/*.cruds",
            "user/*.rs",
            "user/Communication.cruds",
            "user/Communication.rs",
            "user/*.read",
            "user/*.write",
            "user/*.*",
            "user/Communication.read",
            "system/*.cruds",
            "system/*.rs",
            "system/Communication.rs",
            "system/Communication.cru",
            "system/*.read",
            "system/*.write",
            "system/*.*");

    @Inject
    SigningRealm realm;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        // a public document without credentials: any origin may read it, as SMART apps in a browser must
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getWriter().write(document().toString());
    }

    JsonObject document() {
        return Json.createObjectBuilder()
                .add("issuer", realm.issuer())
                .add("jwks_uri", realm.jwksUri())
                .add("authorization_endpoint", realm.authorizationEndpoint())
                .add("token_endpoint", realm.tokenEndpoint())
                .add("revocation_endpoint", realm.revocationEndpoint())
                .add(
                        "token_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post")))
                .add("grant_types_supported", array(List.of("authorization_code", "client_credentials")))
                .add("response_types_supported", array(List.of("code")))
                .add("scopes_supported", array(SCOPES))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("capabilities", array(CAPABILITIES))
                .build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
