package dev.missive.web;

import ca.uhn.fhir.context.FhirContext;
import dev.missive.audit.AuditAccess;
import dev.missive.fhir.server.AuditInterceptor;
import dev.missive.fhir.server.AuditTrail;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The error page for failures the container answers before FHIR sees the request (no token,
 * a bad or expired token, a method no servlet knows, a path nothing serves, a request it cannot
 * read, a failure of its own): a FHIR client still
 * gets an OperationOutcome, never an HTML page, and a 500 says nothing of the failure.
 * An error of the API is recorded in the audit trail with what is known (a refused token: no
 * account, the address, the resource the path names, and whether a token was sent at all, never
 * the token); like any request, it is answered once its record is durable, else with a 503. The
 * portal's files are no health information: a missing one is not recorded.
 */
@WebServlet("/errors/outcome")
public class ErrorOutcomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";

    @Inject
    transient AuditTrail audit;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // HttpServlet's answer to a method it does not know (FOO, PROPFIND): for Missive, an
            // interaction that does not exist, like a GET of an operation
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
        }
        if (!record(request, status)) {
            AuditTrail.refuse(response);
            return;
        }
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(status))
                .setDiagnostics(
                        status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
                                ? "HTTP method " + request.getMethod() + " is not supported"
                                : diagnostics(status));
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
    }

    /** Whether the record is durable (if not, the request is answered 503 instead). */
    private boolean record(HttpServletRequest request, int status) {
        // .../fhir/{type}/{id}: a type starts with a capital; an id is not an operation or _history.
        List<String> path = List.of(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .split("/"));
        int base = path.indexOf("fhir");
        if (base < 0) {
            return true;
        }
        String type = segment(path, base + 1)
                .filter(s -> Character.isUpperCase(s.charAt(0)))
                .orElse(null);
        String id = type == null
                ? null
                : segment(path, base + 2)
                        .filter(s -> !s.startsWith("$") && !s.startsWith("_"))
                        .orElse(null);
        boolean refusedToken = status == HttpServletResponse.SC_UNAUTHORIZED;
        String interaction = refusedToken ? AuditAccess.LOGIN : AuditInterceptor.byMethod(request.getMethod());
        return audit.record(
                new AuditAccess(
                        interaction,
                        type,
                        id,
                        null,
                        null,
                        status,
                        request.getRemoteAddr(),
                        request.getHeader(AuditInterceptor.FORWARDED_FOR),
                        refusedToken ? reason(request.getHeader("Authorization")) : null),
                Set.of(),
                request.getUserPrincipal() == null
                        ? null
                        : request.getUserPrincipal().getName());
    }

    private static Optional<String> segment(List<String> path, int index) {
        return index > 0 && index < path.size() && !path.get(index).isEmpty()
                ? Optional.of(path.get(index))
                : Optional.empty();
    }

    private static String reason(String authorization) {
        if (authorization == null) {
            return "no-token";
        }
        return authorization.startsWith(BEARER) ? "token-refused" : "not-a-bearer-token";
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> OperationOutcome.IssueType.INVALID;
            case HttpServletResponse.SC_UNAUTHORIZED -> OperationOutcome.IssueType.LOGIN;
            case HttpServletResponse.SC_FORBIDDEN -> OperationOutcome.IssueType.FORBIDDEN;
            case HttpServletResponse.SC_NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> OperationOutcome.IssueType.NOTSUPPORTED;
            default -> OperationOutcome.IssueType.EXCEPTION;
        };
    }

    private static String diagnostics(int status) {
        return switch (status) {
            case HttpServletResponse.SC_BAD_REQUEST -> "The request could not be read";
            case HttpServletResponse.SC_UNAUTHORIZED -> "A valid bearer token is required";
            case HttpServletResponse.SC_FORBIDDEN -> "This account may not make this request";
            case HttpServletResponse.SC_NOT_FOUND -> "Not found";
            default -> "The server could not complete the request";
        };
    }
}
