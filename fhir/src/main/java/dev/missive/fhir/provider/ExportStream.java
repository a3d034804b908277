package dev.missive.fhir.provider;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.export.MessageExport;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.thread.Conversation;
import dev.missive.thread.Message;
import dev.missive.thread.ThreadView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Writes an export to the HTTP response as the items come, each Communication serialized on its
 * own: nothing but the current item is held. The response starts with the first item (or at the
 * end of an empty export), so a refusal before it (403, 404) is still an ordinary FHIR error.
 * Once the status is sent, a failure can no longer change it: the NDJSON then ends with an
 * OperationOutcome line of severity fatal, and the Bundle is left unterminated (invalid JSON),
 * so that a client never mistakes a broken export for a complete one.
 */
abstract class ExportStream implements MessageExport.Sink {

    private static final Logger LOG = Logger.getLogger(ExportStream.class.getName());
    private static final int BUFFER = 64 * 1024;

    private final HttpServletResponse response;
    private final String contentType;
    private final IParser parser = FhirContext.forR4Cached().newJsonParser();
    private Writer out;

    ExportStream(HttpServletResponse response, String contentType) {
        this.response = response;
        this.contentType = contentType;
    }

    /** The stream for {@code _outputFormat}: NDJSON, or by default a Bundle; anything else is a 400. */
    static ExportStream of(String outputFormat, HttpServletResponse response, String serverBase) {
        // A "+" left unencoded in the query string arrives as a space.
        String format = outputFormat == null
                ? ""
                : outputFormat.strip().replace(' ', '+').toLowerCase(Locale.ROOT);
        return switch (format) {
            case "", "application/fhir+json", "application/json", "json" -> new BundleStream(response, serverBase);
            case "application/fhir+ndjson", "application/ndjson", "ndjson" -> new NdjsonStream(response);
            default ->
                throw new InvalidRequestException(
                        "_outputFormat must be application/fhir+ndjson or application/fhir+json");
        };
    }

    @Override
    public void thread(Conversation thread) {
        // Nobody's own state: the export shows the thread as it is, not as the admin sees it.
        write(CommunicationMapper.toFhir(new ThreadView(thread, null)));
    }

    @Override
    public void message(Message message) {
        write(CommunicationMapper.toFhir(message));
    }

    /** Ends a complete export. */
    void finish() {
        try {
            started().write(closing());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A failure: before anything was sent it is thrown on, to become the usual FHIR error;
     * after, it is logged under a reference that the stream's end carries where it can.
     */
    void fail(RuntimeException failure) {
        if (out == null) {
            throw failure;
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Export broken off after it started, reference " + reference, failure);
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.FATAL)
                .setCode(OperationOutcome.IssueType.EXCEPTION)
                .setDiagnostics("The export is incomplete (reference " + reference + ")");
        try {
            out.write(broken(parser.encodeResourceToString(outcome)));
            out.flush();
        } catch (IOException gone) {
            // the client went away: nobody is left to tell
        }
    }

    private void write(Communication resource) {
        try {
            started()
                    .write(item(
                            parser.encodeResourceToString(resource),
                            resource.getIdElement().getIdPart()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Writer started() throws IOException {
        if (out == null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(contentType);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            out = new BufferedWriter(
                    new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), BUFFER);
            out.write(opening());
        }
        return out;
    }

    abstract String opening();

    /** One Communication, given as its JSON and id. */
    abstract String item(String json, String id);

    abstract String closing();

    /** What ends the stream after a failure, given the OperationOutcome's JSON. */
    abstract String broken(String outcomeJson);

    /** One resource a line ({@code application/fhir+ndjson}), as FHIR Bulk Data writes them. */
    static final class NdjsonStream extends ExportStream {

        NdjsonStream(HttpServletResponse response) {
            super(response, "application/fhir+ndjson");
        }

        @Override
        String opening() {
            return "";
        }

        @Override
        String item(String json, String id) {
            return json + "\n";
        }

        @Override
        String closing() {
            return "";
        }

        @Override
        String broken(String outcomeJson) {
            return outcomeJson + "\n";
        }
    }

    /** A Bundle of type collection, its opening and closing JSON written by hand around the entries. */
    static final class BundleStream extends ExportStream {

        private final String serverBase;
        private boolean first = true;

        BundleStream(HttpServletResponse response, String serverBase) {
            super(response, "application/fhir+json");
            this.serverBase = serverBase;
        }

        @Override
        String opening() {
            return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"" + Instant.now()
                    + "\",\"entry\":[";
        }

        @Override
        String item(String json, String id) {
            String separator = first ? "" : ",";
            first = false;
            return separator + "{\"fullUrl\":\"" + serverBase + "/Communication/" + id + "\",\"resource\":" + json
                    + "}";
        }

        @Override
        String closing() {
            return "]}";
        }

        @Override
        String broken(String outcomeJson) {
            return "";
        }
    }
}
