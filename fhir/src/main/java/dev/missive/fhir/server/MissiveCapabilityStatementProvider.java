package dev.missive.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * The CapabilityStatement HAPI derives from the registered providers (so it lists exactly
 * what is implemented), with Missive's name and its security described.
 */
public class MissiveCapabilityStatementProvider extends ServerCapabilityStatementProvider {

    public MissiveCapabilityStatementProvider(RestfulServer server) {
        super(server);
    }

    @Override
    public IBaseConformance getServerConformance(HttpServletRequest request, RequestDetails details) {
        CapabilityStatement statement = (CapabilityStatement) super.getServerConformance(request, details);
        statement.setName("Missive");
        statement.setTitle("Missive secure patient-provider messaging");
        statement.getSoftware().setName("Missive");
        statement.getRestFirstRep().getSecurity()
                .setCors(false)
                .setDescription("OAuth2 bearer tokens issued by the clinic's Keycloak realm; every request is authenticated.")
                .addService().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("OAuth");
        return statement;
    }
}
