package dev.missive.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.missive.fhir.conformance.CanonicalSearchProvider;
import dev.missive.fhir.conformance.ConformanceResources;
import dev.missive.fhir.provider.AppointmentProvider;
import dev.missive.fhir.provider.AuditEventProvider;
import dev.missive.fhir.provider.BinaryProvider;
import dev.missive.fhir.provider.CareTeamProvider;
import dev.missive.fhir.provider.CommunicationIdentifierEcho;
import dev.missive.fhir.provider.CommunicationProvider;
import dev.missive.fhir.provider.ConsentProvider;
import dev.missive.fhir.provider.CoverProvider;
import dev.missive.fhir.provider.EmailNotificationsProvider;
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
import dev.missive.fhir.provider.QuickReplyProvider;
import dev.missive.fhir.provider.RelatedPersonProvider;
import dev.missive.fhir.provider.ResponseTimesProvider;
import dev.missive.fhir.provider.SubscriptionProvider;
import dev.missive.fhir.provider.TeamPoolProvider;
import dev.missive.fhir.provider.ThreadActionProvider;
import dev.missive.fhir.provider.TransactionProvider;
import dev.missive.search.PagedSearches;
import dev.missive.security.CallerContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    transient TeamPoolProvider teamPools;

    @Inject
    transient MessageRecipientsProvider messageRecipients;

    @Inject
    transient NotificationDeadLetterProvider notificationDeadLetters;

    @Inject
    transient MessageExportProvider messageExport;

    @Inject
    transient ResponseTimesProvider responseTimes;

    @Inject
    transient PatientMergeProvider patientMerges;

    @Inject
    transient CoverProvider covers;

    @Inject
    transient EmailNotificationsProvider emailNotifications;

    @Inject
    transient BinaryProvider binaries;

    @Inject
    transient AuditEventProvider auditEvents;

    @Inject
    transient SubscriptionProvider subscriptions;

    @Inject
    transient QuickReplyProvider quickReplies;

    @Inject
    transient CommunicationIdentifierEcho identifierEcho;

    @Inject
    transient SigningRealm realm;

    @EJB
    transient PagedSearches pagedSearches;

    @EJB
    transient CallerContext callers;

    @Inject
    transient BinaryStreamingInterceptor binaryStreaming;

    @Inject
    transient AuditInterceptor audit;

    @Inject
    transient ServiceExceptionInterceptor serviceExceptions;

    public MissiveRestfulServer() {
        super(FhirContext.forR4Cached());
    }

    /** Every request's response is held until its audit record is durable ({@link AuditedResponse}). */
    @Override
    protected void handleRequest(RequestTypeEnum type, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        AuditedResponse audited = new AuditedResponse(response);
        super.handleRequest(type, request, audited);
        audited.finish();
    }

    /** HAPI's view of the request, made first thing: from here on the response knows how to record it. */
    @Override
    protected ServletRequestDetails newRequestDetails(
            RequestTypeEnum type, HttpServletRequest request, HttpServletResponse response) {
        ServletRequestDetails details = super.newRequestDetails(type, request, response);
        ((AuditedResponse) response).recordWith(() -> audit.record(details));
        return details;
    }

    /** Every setting, provider and interceptor; the FHIR layer's tests serve this same servlet. */
    @Override
    protected void initialize() {
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        // Missive's resources point at others by id only (an _include's targets have theirs):
        // nothing to contain, so no walk over every element of every resource encoded to look
        getFhirContext().getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        CallersSearches paging = new CallersSearches(PAGED_SEARCHES_HELD, pagedSearches);
        paging.setDefaultPageSize(Paging.DEFAULT_PAGE_SIZE);
        paging.setMaximumPageSize(Paging.MAX_PAGE_SIZE);
        setPagingProvider(paging);
        registerInterceptor(paging);
        registerProviders(List.of(
                communications,
                patients,
                practitioners,
                careTeams,
                organizations,
                transactions,
                threadActions,
                teamPools,
                messageRecipients));
        registerProviders(List.of(practitionerRoles, relatedPersons, episodes, appointments, consents));
        registerProvider(notificationDeadLetters);
        registerProvider(responseTimes);
        registerProviders(List.of(messageExport, patientMerges, covers));
        registerProvider(emailNotifications);
        registerProvider(binaries);
        registerProvider(auditEvents);
        registerProvider(subscriptions);
        registerProvider(quickReplies);
        ConformanceResources conformance = ConformanceResources.load();
        registerProviders(CanonicalSearchProvider.forEachType(conformance));
        ConformanceDocuments conformanceDocuments = new ConformanceDocuments(conformance.typeNames());
        registerInterceptor(new AuthenticatedCallerInterceptor(conformanceDocuments));
        registerInterceptor(new ScopeEnforcement(conformanceDocuments));
        registerInterceptor(new ActingAsHeader(callers));
        registerInterceptor(serviceExceptions);
        registerInterceptor(binaryStreaming);
        registerInterceptor(audit);
        registerInterceptor(identifierEcho);
        registerInterceptor(new UnknownSearchParameters(this));
        registerInterceptor(new IncompleteRequests());
        registerInterceptor(new ServedFormats());
        setServerConformanceProvider(new MissiveCapabilityStatementProvider(this, conformance, realm));
    }
}
