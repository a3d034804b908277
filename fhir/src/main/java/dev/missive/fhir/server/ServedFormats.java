package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Missive speaks FHIR in JSON and XML. HAPI also knows RDF (Turtle), whose parser needs a library
 * the server does not ship: a request in it, or asking for an answer in it ({@code _format=ttl},
 * {@code Accept: text/turtle}), is refused before anything runs, and the refusal is written here
 * in JSON (HAPI would write it in the RDF asked for, and fail again).
 */
@Interceptor
public class ServedFormats {

    private static final int NOT_ACCEPTABLE = 406;
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public boolean refuseRdf(RequestDetails request, HttpServletResponse response) throws IOException {
        String contentType = request.getHeader(Constants.HEADER_CONTENT_TYPE);
        if (contentType != null
                && EncodingEnum.forContentType(contentType.split(";", 2)[0].strip()) == EncodingEnum.RDF) {
            refuse(request, response, UNSUPPORTED_MEDIA_TYPE, "Missive reads FHIR as JSON or XML, not RDF");
            return false;
        }
        var answer = RestfulServerUtils.determineResponseEncodingNoDefault(request, null);
        if (answer != null && answer.getEncoding() == EncodingEnum.RDF) {
            refuse(request, response, NOT_ACCEPTABLE, "Missive answers in JSON or XML, not RDF");
            return false;
        }
        return true;
    }

    /**
     * An error met before the check above could run (a path HAPI cannot read), to a request that
     * asks for RDF: written here in JSON too, where HAPI would fail writing it in RDF.
     */
    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean writeErrorInJson(
            RequestDetails request, HttpServletResponse response, BaseServerResponseException error)
            throws IOException {
        var answer = RestfulServerUtils.determineResponseEncodingNoDefault(request, null);
        if (answer == null || answer.getEncoding() != EncodingEnum.RDF) {
            return true;
        }
        OperationOutcome outcome =
                error.getOperationOutcome() instanceof OperationOutcome given ? given : new OperationOutcome();
        if (!outcome.hasIssue()) {
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics(error.getMessage());
        }
        write(request, response, error.getStatusCode(), outcome);
        return false;
    }

    private static void refuse(RequestDetails request, HttpServletResponse response, int status, String why)
            throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                .setDiagnostics(why);
        write(request, response, status, outcome);
    }

    private static void write(
            RequestDetails request, HttpServletResponse response, int status, OperationOutcome outcome)
            throws IOException {
        response.setStatus(status);
        response.setContentType(Constants.CT_FHIR_JSON_NEW + Constants.CHARSET_UTF8_CTSUFFIX);
        response.getWriter().write(request.getFhirContext().newJsonParser().encodeResourceToString(outcome));
    }
}
