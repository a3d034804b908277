package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance documents are read without a token; nothing else is, not even their other methods. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicConformanceTest {

    private static final String REALM = "http://localhost:8180/realms/missive";

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint();

    @Test
    void theCapabilityStatementAndTheCanonicalResourcesAreReadWithoutAToken() throws Exception {
        assertEquals(200, anonymous("metadata").statusCode());
        HttpResponse<byte[]> codeSystem = anonymous("CodeSystem/rule");
        assertEquals(200, codeSystem.statusCode());
        assertEquals("rule", endpoint.parse(CodeSystem.class, codeSystem).getIdPart());
        assertEquals(
                200,
                anonymous("StructureDefinition?url=https://missive.dev/fhir/StructureDefinition/participant-state")
                        .statusCode());
    }

    @Test
    void everythingElseWithoutATokenIs401() throws Exception {
        for (String path : List.of(
                "Communication?part-of:missing=true",
                "Communication/t1",
                "Patient/alice",
                "CodeSystem/rule/$lookup",
                "CodeSystem/rule/_history/1",
                "AuditEvent",
                "")) {
            assertEquals(401, anonymous(path).statusCode(), path);
        }
        HttpRequest.Builder write = endpoint.anonymous("CodeSystem")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"CodeSystem\"}"));
        assertEquals(401, endpoint.send(write).statusCode());
    }

    @Test
    void theCapabilityStatementNamesSmartAndTheRealmsEndpoints() throws Exception {
        anonymous("metadata");
        CapabilityStatementRestSecurityComponent security = endpoint.parse(
                        CapabilityStatement.class, anonymous("metadata"))
                .getRestFirstRep()
                .getSecurity();
        assertEquals(
                List.of("SMART-on-FHIR", "OAuth"),
                security.getService().stream()
                        .flatMap(service -> service.getCoding().stream())
                        .map(Coding::getCode)
                        .toList(),
                "named once however often the statement is asked for");
        Extension uris = security.getExtensionByUrl(MissiveCapabilityStatementProvider.OAUTH_URIS);
        assertEquals(REALM + "/protocol/openid-connect/token", value(uris, "token"));
        assertEquals(REALM + "/protocol/openid-connect/auth", value(uris, "authorize"));
    }

    private HttpResponse<byte[]> anonymous(String path) throws Exception {
        return endpoint.send(endpoint.anonymous(path));
    }

    private static String value(Extension uris, String name) {
        return uris.getExtensionByUrl(name).getValue().primitiveValue();
    }
}
