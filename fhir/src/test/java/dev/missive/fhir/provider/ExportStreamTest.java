package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.domain.Party;
import dev.missive.fhir.MissiveFhir;
import dev.missive.thread.Conversation;
import dev.missive.thread.Message;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class ExportStreamTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String BASE = "https://clinic.example/fhir";

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, Object> set = new HashMap<>();
    private final HttpServletResponse response = response();
    private final Conversation thread = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
    private final Message message = new Message(
            thread.getId(), Party.patient("alice"), Party.practitioner("drlee"), "My knee hurts", null, NOW);

    /** Just what the stream uses of a response: status, content type and the output stream. */
    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getOutputStream":
                            set.put("started", true);
                            return out;
                        case "setStatus", "setContentType", "setCharacterEncoding":
                            set.put(method.getName(), args[0]);
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private String written() {
        return body.toString(StandardCharsets.UTF_8);
    }

    private static Resource parse(String json) {
        return (Resource) FhirContext.forR4Cached().newJsonParser().parseResource(json);
    }

    @Test
    void ndjsonIsOneCommunicationALineWithoutAnyonesState() {
        ExportStream stream = ExportStream.of("application/fhir ndjson", response, BASE);
        stream.thread(thread);
        stream.message(message);
        stream.finish();

        assertEquals("application/fhir+ndjson", set.get("setContentType"));
        assertEquals(200, set.get("setStatus"));
        List<String> lines = written().lines().toList();
        assertEquals(2, lines.size());
        Communication header = assertInstanceOf(Communication.class, parse(lines.get(0)));
        assertEquals(thread.getId(), header.getIdElement().getIdPart());
        assertFalse(header.hasExtension(MissiveFhir.PARTICIPANT_STATE));
        Communication sent = assertInstanceOf(Communication.class, parse(lines.get(1)));
        assertEquals(
                "My knee hurts",
                sent.getPayloadFirstRep().getContentStringType().getValue());
    }

    @Test
    void theBundleIsACollectionWrittenAroundItsEntries() {
        ExportStream stream = ExportStream.of(null, response, BASE);
        stream.thread(thread);
        stream.message(message);
        stream.finish();

        assertEquals("application/fhir+json", set.get("setContentType"));
        Bundle bundle = assertInstanceOf(Bundle.class, parse(written()));
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals(
                List.of(BASE + "/Communication/" + thread.getId(), BASE + "/Communication/" + message.getId()),
                bundle.getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getFullUrl)
                        .toList());
        assertTrue(bundle.getEntry().get(1).getResource() instanceof Communication);
    }

    @Test
    void anEmptyExportIsStillAWholeBundle() {
        ExportStream.of("application/fhir+json", response, BASE).finish();
        assertTrue(((Bundle) parse(written())).getEntry().isEmpty());
    }

    @Test
    void aFailureBeforeTheFirstItemIsThrownOnWithNothingSent() {
        IllegalStateException refused = new IllegalStateException("refused");
        ExportStream stream = ExportStream.of("ndjson", response, BASE);
        assertSame(refused, assertThrows(IllegalStateException.class, () -> stream.fail(refused)));
        assertTrue(set.isEmpty(), "the status is left for the error response");
    }

    @Test
    void aFailureAfterTheStartEndsNdjsonWithAFatalOutcomeAndLeavesTheBundleBroken() {
        ExportStream ndjson = ExportStream.of("application/ndjson", response, BASE);
        ndjson.thread(thread);
        ndjson.fail(new IllegalStateException("database gone"));
        List<String> lines = written().lines().toList();
        OperationOutcome outcome = assertInstanceOf(OperationOutcome.class, parse(lines.get(lines.size() - 1)));
        assertEquals(
                OperationOutcome.IssueSeverity.FATAL, outcome.getIssueFirstRep().getSeverity());
        assertFalse(written().contains("database gone"), "the cause stays in the server log");

        body.reset();
        ExportStream bundle = ExportStream.of("json", response, BASE);
        bundle.thread(thread);
        bundle.fail(new IllegalStateException("database gone"));
        assertThrows(DataFormatException.class, () -> parse(written()));
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        assertThrows(InvalidRequestException.class, () -> ExportStream.of("text/csv", response, BASE));
    }
}
