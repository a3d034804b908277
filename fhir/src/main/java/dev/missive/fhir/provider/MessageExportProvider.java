package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.missive.export.MessageExport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code GET /Practitioner/{id}/$export-messages[?_outputFormat=application/fhir+ndjson]}: the
 * practitioner's whole message history for a clinic admin, each thread header before its
 * messages, as NDJSON or a collection Bundle, written to the response as it is read.
 */
@ApplicationScoped
public class MessageExportProvider {

    @EJB
    MessageExport export;

    @Operation(name = "$export-messages", type = Practitioner.class, idempotent = true, manualResponse = true)
    @Description(shortDefinition = "Every message a practitioner sent or received, with its threads (clinic admin)")
    public void exportMessages(
            @IdParam IdType practitioner,
            @OperationParam(name = "_outputFormat", max = 1) StringType outputFormat,
            ServletRequestDetails request) {
        ExportStream stream = ExportStream.of(
                outputFormat == null ? null : outputFormat.getValue(),
                request.getServletResponse(),
                request.getFhirServerBase());
        try {
            export.export(practitioner.getIdPart(), stream);
        } catch (RuntimeException failure) {
            stream.fail(failure);
            return;
        }
        stream.finish();
    }
}
