package dev.missive.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.conformance.CapabilityDefinitions;
import dev.missive.fhir.conformance.ConformanceResources;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement HAPI derives from the registered providers (so it lists exactly
 * what is implemented), with Missive's name and its security described, and its operations
 * and custom search parameters pointing at Missive's canonical definitions.
 */
public class MissiveCapabilityStatementProvider extends ServerCapabilityStatementProvider {

    /** Where SMART clients find the realm's endpoints in a CapabilityStatement. */
    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private static final String SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    private final ConformanceResources conformance;
    private final SigningRealm realm;

    public MissiveCapabilityStatementProvider(
            RestfulServer server, ConformanceResources conformance, SigningRealm realm) {
        super(server);
        this.conformance = conformance;
        this.realm = realm;
        setPublisher("Missive");
    }

    /**
     * HAPI binds {@code GET /OperationDefinition/{id}} here: Missive's own definition when there
     * is one, else the one HAPI generates from the provider method.
     */
    @Override
    public IBaseResource readOperationDefinition(IIdType id, RequestDetails details) {
        Optional<OperationDefinition> own = conformance.byId(OperationDefinition.class, id.getIdPart());
        return own.isPresent() ? own.get() : super.readOperationDefinition(id, details);
    }

    @Override
    public IBaseConformance getServerConformance(HttpServletRequest request, RequestDetails details) {
        CapabilityStatement statement = (CapabilityStatement) super.getServerConformance(request, details);
        statement.setName("Missive");
        statement.setTitle("Missive secure patient-provider messaging");
        statement.getSoftware().setName("Missive");
        describeSecurity(statement.getRestFirstRep().getSecurity());
        new CapabilityDefinitions(conformance).link(statement);
        statement.getRestFirstRep().getResource().stream()
                .filter(resource -> "Subscription".equals(resource.getType()))
                .forEach(resource -> resource.addExtension(
                        MissiveFhir.BACKPORT_TOPIC_CANONICAL, new CanonicalType(MissiveFhir.MESSAGE_SENT_TOPIC)));
        return statement;
    }

    /**
     * SMART App Launch: the realm's endpoints (the oauth-uris extension defines only these two of
     * them; {@code .well-known/smart-configuration} has them all).
     */
    private void describeSecurity(CapabilityStatementRestSecurityComponent security) {
        security.setCors(false)
                .setDescription("OAuth2 bearer tokens issued by the clinic's Keycloak realm, obtained as SMART App"
                        + " Launch describes (.well-known/smart-configuration); every request but the conformance"
                        + " documents is authenticated.");
        security.addService()
                .addCoding(new Coding(SECURITY_SERVICE, "SMART-on-FHIR", "SMART-on-FHIR"))
                .addCoding(new Coding(SECURITY_SERVICE, "OAuth", "OAuth"));
        Extension uris = security.addExtension().setUrl(OAUTH_URIS);
        uris.addExtension("authorize", new UriType(realm.authorizationEndpoint()));
        uris.addExtension("token", new UriType(realm.tokenEndpoint()));
    }
}
