package dev.missive.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import dev.missive.fhir.conformance.CanonicalSearchProvider;
import dev.missive.fhir.conformance.ConformanceResources;
import dev.missive.fhir.provider.AppointmentProvider;
import dev.missive.fhir.provider.AuditEventProvider;
import dev.missive.fhir.provider.BinaryProvider;
import dev.missive.fhir.provider.CareTeamProvider;
import dev.missive.fhir.provider.CommunicationIdentifierEcho;
import dev.missive.fhir.provider.CommunicationProvider;
import dev.missive.fhir.provider.ConsentProvider;
import dev.missive.fhir.provider.EpisodeOfCareProvider;
import dev.missive.fhir.provider.MessageExportProvider;
import dev.missive.fhir.provider.MessageRecipientsProvider;
import dev.missive.fhir.provider.NotificationDeadLetterProvider;
import dev.missive.fhir.provider.OrganizationProvider;
import dev.missive.fhir.provider.Paging;
import dev.missive.fhir.provider.PatientMergeProvider;
import dev.missive.fhir.provider.PatientProvider;
import dev.missive.fhir.provider.PractitionerProvider;
import dev.missive.fhir.provider.PractitionerRoleProvider;
import dev.missive.fhir.provider.RelatedPersonProvider;
import dev.missive.fhir.provider.ThreadActionProvider;
import dev.missive.fhir.provider.TransactionProvider;
import dev.missive.search.PagedSearches;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Missive's FHIR R4 endpoint: every provider, interceptor and server setting is assembled here.
 * The web module maps it to /fhir/* behind OIDC bearer-token authentication.
 */
public class MissiveRestfulServer extends RestfulServer {

    private static final long serialVersionUID = 1L;
    private static final int PAGED_SEARCHES_HELD = 1000;

    @Inject
    transient CommunicationProvider communications;

    @Inject
    transient PatientProvider patients;

    @Inject
    transient PractitionerProvider practitioners;

    @Inject
    transient CareTeamProvider careTeams;

    @Inject
    transient OrganizationProvider organizations;

    @Inject
    transient PractitionerRoleProvider practitionerRoles;

    @Inject
    transient RelatedPersonProvider relatedPersons;

    @Inject
    transient EpisodeOfCareProvider episodes;

    @Inject
    transient AppointmentProvider appointments;

    @Inject
    transient ConsentProvider consents;

    @Inject
    transient TransactionProvider transactions;

    @Inject
    transient ThreadActionProvider threadActions;

    @Inject
    transient MessageRecipientsProvider messageRecipients;

    @Inject
    transient NotificationDeadLetterProvider notificationDeadLetters;

    @Inject
    transient MessageExportProvider messageExport;

    @Inject
    transient PatientMergeProvider patientMerges;

    @Inject
    transient BinaryProvider binaries;

    @Inject
    transient AuditEventProvider auditEvents;

    @Inject
    transient CommunicationIdentifierEcho identifierEcho;

    @Inject
    transient SigningRealm realm;

    @EJB
    transient PagedSearches pagedSearches;

    @Inject
    transient BinaryStreamingInterceptor binaryStreaming;

    @Inject
    transient AuditInterceptor audit;

    @Inject
    transient ServiceExceptionInterceptor serviceExceptions;

    public MissiveRestfulServer() {
        super(FhirContext.forR4Cached());
    }

    @Override
    protected void initialize() {
        assemble(this);
    }

    /**
     * Puts every setting, provider and interceptor on {@code server}: this servlet in production;
     * in the FHIR layer's tests, a server of HAPI's embedded-Jetty harness, so that they run this
     * same assembly.
     */
    void assemble(RestfulServer server) {
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setDefaultPrettyPrint(false);
        // Missive's resources point at others by id only (an _include's targets have theirs):
        // nothing to contain, so no walk over every element of every resource encoded to look
        server.getFhirContext().getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        CallersSearches paging = new CallersSearches(PAGED_SEARCHES_HELD, pagedSearches);
        paging.setDefaultPageSize(Paging.DEFAULT_PAGE_SIZE);
        paging.setMaximumPageSize(Paging.MAX_PAGE_SIZE);
        server.setPagingProvider(paging);
        server.registerInterceptor(paging);
        server.registerProviders(List.of(
                communications,
                patients,
                practitioners,
                careTeams,
                organizations,
                transactions,
                threadActions,
                messageRecipients));
        server.registerProviders(List.of(practitionerRoles, relatedPersons, episodes, appointments, consents));
        server.registerProvider(notificationDeadLetters);
        server.registerProviders(List.of(messageExport, patientMerges));
        server.registerProvider(binaries);
        server.registerProvider(auditEvents);
        ConformanceResources conformance = ConformanceResources.load();
        server.registerProviders(CanonicalSearchProvider.forEachType(conformance));
        ConformanceDocuments conformanceDocuments = new ConformanceDocuments(conformance.typeNames());
        server.registerInterceptor(new AuthenticatedCallerInterceptor(conformanceDocuments));
        server.registerInterceptor(new ScopeEnforcement(conformanceDocuments));
        server.registerInterceptor(serviceExceptions);
        server.registerInterceptor(binaryStreaming);
        server.registerInterceptor(audit);
        server.registerInterceptor(identifierEcho);
        server.registerInterceptor(new UnknownSearchParameters(server));
        server.registerInterceptor(new IncompleteRequests());
        server.registerInterceptor(new ServedFormats());
        server.setServerConformanceProvider(new MissiveCapabilityStatementProvider(server, conformance, realm));
    }
}
