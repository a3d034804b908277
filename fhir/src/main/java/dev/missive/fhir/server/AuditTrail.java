package dev.missive.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Hands each request to the audit service after the request's own work is done and before its
 * response is sent, and waits until the record is durable. A record that cannot be written
 * fails the request: nothing it would have answered is sent, the answer is {@link #refuse a
 * 503}, and the record's facts go to the server log instead, which carries no health
 * information (account, interaction, resource type and id, status, address).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final String RETRY_AFTER_SECONDS = "10";

    @EJB
    AuditService audits;

    /**
     * Records a request of a signed-in account ({@code account} non-null) or one without any.
     * Answers whether the record is durable; if not, the request must be answered with {@link #refuse}.
     */
    public boolean record(AuditAccess access, Set<String> patientsConcerned, String account) {
        try {
            if (account == null) {
                audits.recordWithoutCaller(access);
            } else {
                audits.record(access, patientsConcerned);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "Audit record not written, kept here instead; answered 503: account=" + account + " "
                            + access.describe() + " cause=" + causes(e));
            return false;
        }
    }

    /**
     * The answer to a request whose record could not be written: 503, to try again shortly. What
     * the request changed may have been saved (its own transaction had ended), which the client
     * is told, so that it looks before it repeats a write.
     */
    public static void refuse(HttpServletResponse response) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TRANSIENT)
                .setDiagnostics("The audit trail could not record this request, so it is not answered; "
                        + "a change it asked for may have been saved: check before repeating it");
        byte[] body = FhirContext.forR4Cached()
                .newJsonParser()
                .encodeResourceToString(outcome)
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType(Constants.CT_FHIR_JSON_NEW + Constants.CHARSET_UTF8_CTSUFFIX);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The classes of the failure and its causes: their messages could quote a database's values. */
    private static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            names.append(" <- ").append(cause.getClass().getName());
        }
        return names.toString();
    }
}
