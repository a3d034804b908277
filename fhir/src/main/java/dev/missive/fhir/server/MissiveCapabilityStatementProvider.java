package dev.missive.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import dev.missive.fhir.conformance.CapabilityDefinitions;
import dev.missive.fhir.conformance.ConformanceResources;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationDefinition;

/**
 * The CapabilityStatement HAPI derives from the registered providers (so it lists exactly
 * what is implemented), with Missive's name and its security described, and its operations
 * and custom search parameters pointing at Missive's canonical definitions.
 */
public class MissiveCapabilityStatementProvider extends ServerCapabilityStatementProvider {

    private final ConformanceResources conformance;

    public MissiveCapabilityStatementProvider(RestfulServer server, ConformanceResources conformance) {
        super(server);
        this.conformance = conformance;
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
        statement
                .getRestFirstRep()
                .getSecurity()
                .setCors(false)
                .setDescription(
                        "OAuth2 bearer tokens issued by the clinic's Keycloak realm; every request is authenticated.")
                .addService()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("OAuth");
        new CapabilityDefinitions(conformance).link(statement);
        return statement;
    }
}
