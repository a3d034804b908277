package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.missive.audit.AuditAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Records every request the FHIR server handles, whatever provider handled it (or refused it),
 * once per request and before anything of its response is sent: the request's response
 * ({@link AuditedResponse}) calls {@link #record} when the status is set and the body is about to
 * be written, for successes, exceptions and operations that write their response themselves
 * alike, so a provider added later is audited without doing anything.
 */
@Interceptor
@ApplicationScoped
public class AuditInterceptor {

    private static final String RESPONSE = AuditInterceptor.class.getName() + ".response";
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    AuditTrail trail;

    /** The resource sent back, to know which patient it was about. */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void remember(RequestDetails details, ResponseDetails response) {
        if (response.getResponseResource() != null) {
            details.getUserData().put(RESPONSE, response.getResponseResource());
        }
    }

    /**
     * Answers whether the record is durable (if not, the request is answered 503). A search run
     * again for a page of it ({@link SearchReplay}) is part of the page request, which is recorded
     * as on the node that held the search: one read by the caller, of what was sent.
     */
    public boolean record(ServletRequestDetails details) {
        HttpServletRequest request = details.getServletRequest();
        if (request instanceof SearchReplay) {
            return true;
        }
        HttpServletResponse response = details.getServletResponse();
        IBaseResource sent = (IBaseResource) details.getUserData().get(RESPONSE);
        RestOperationTypeEnum type = details.getRestOperationType();
        AuditAccess access = new AuditAccess(
                interaction(type, request.getMethod()),
                details.getResourceName(),
                resourceId(details, type, response, sent),
                operation(details, type),
                AuditedQuery.of(details.getParameters()),
                response.getStatus(),
                request.getRemoteAddr(),
                request.getHeader(FORWARDED_FOR),
                null);
        Principal principal = request.getUserPrincipal();
        return trail.record(
                access,
                ConcernedPatients.of(details.getResource(), sent),
                principal == null ? null : principal.getName());
    }

    /**
     * The FHIR restful-interaction code; a request refused before HAPI chose a handler (an
     * unknown type, a method not supported) is named by its HTTP method.
     */
    static String interaction(RestOperationTypeEnum type, String method) {
        if (type == null) {
            return byMethod(method);
        }
        return switch (type) {
            case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> "operation";
            case GET_PAGE -> "search-type";
            case METADATA -> "capabilities";
            default -> type.getCode();
        };
    }

    /** A request no FHIR handler took, named by its HTTP method: {@code http-put}. */
    public static String byMethod(String method) {
        return "http-" + method.toLowerCase(Locale.ROOT);
    }

    private static String operation(RequestDetails details, RestOperationTypeEnum type) {
        return type == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
                        || type == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
                        || type == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE
                ? details.getOperation()
                : null;
    }

    /** The id in the URL, or for a create the id the server gave (Location, or the resource sent back). */
    private static String resourceId(
            RequestDetails details, RestOperationTypeEnum type, HttpServletResponse response, IBaseResource sent) {
        if (details.getId() != null && details.getId().hasIdPart()) {
            return details.getId().getIdPart();
        }
        if (type != RestOperationTypeEnum.CREATE) {
            return null;
        }
        if (sent != null && sent.fhirType().equals(details.getResourceName())) {
            return sent.getIdElement().getIdPart();
        }
        String location = response.getHeader(Constants.HEADER_LOCATION);
        return location == null ? null : new IdType(location).getIdPart();
    }
}
