package dev.missive.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The error page for failures the container answers before FHIR sees the request (no token,
 * a bad or expired token): a FHIR client still gets an OperationOutcome, never an HTML page.
 */
@WebServlet("/errors/outcome")
public class ErrorOutcomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(status))
                .setDiagnostics(diagnostics(status));
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> OperationOutcome.IssueType.LOGIN;
            case HttpServletResponse.SC_FORBIDDEN -> OperationOutcome.IssueType.FORBIDDEN;
            case HttpServletResponse.SC_NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
            default -> OperationOutcome.IssueType.EXCEPTION;
        };
    }

    private static String diagnostics(int status) {
        return switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> "A valid bearer token is required";
            case HttpServletResponse.SC_FORBIDDEN -> "This account may not make this request";
            case HttpServletResponse.SC_NOT_FOUND -> "Not found";
            default -> "The server could not complete the request";
        };
    }
}
