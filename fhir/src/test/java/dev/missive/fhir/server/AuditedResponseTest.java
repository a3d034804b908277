package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentContent;
import dev.missive.attachment.AttachmentService;
import dev.missive.attachment.AttachmentType;
import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditNotWrittenException;
import dev.missive.domain.Party;
import dev.missive.thread.Conversation;
import dev.missive.thread.ThreadOrMessage;
import dev.missive.thread.ThreadView;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nothing of a response reaches the client before its audit record is durable; without a record, a 503. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditedResponseTest {

    private static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");
    private static final String TOPIC = "knee surgery follow-up";
    private static final byte[] PDF = "%PDF-1.7 discharge letter".getBytes(StandardCharsets.US_ASCII);

    private final ThreadView thread = new ThreadView(topical(), null);
    private final Attachment letter =
            new Attachment(StubbedEndpoint.CALLER, AttachmentType.PDF, PDF.length, "hash", NOW);
    private final Trail trail = new Trail();

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(
            new ReadingServiceStub() {
                @Override
                public ThreadOrMessage communication(String id) {
                    return new ThreadOrMessage(thread, null);
                }
            },
            new Letters(),
            trail);

    @BeforeEach
    void working() {
        trail.failing = false;
        trail.gate = new CountDownLatch(0);
    }

    @Test
    void aReadIsAnsweredOnlyOnceItsRecordIsDurable() throws Exception {
        trail.gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<byte[]>> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(
                        endpoint.request(
                                        "Communication/" + thread.conversation().getId())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertTrue(trail.reached.await(10, TimeUnit.SECONDS), "the record is handed over");
        Thread.sleep(300);
        assertFalse(answer.isDone(), "no answer while the record is not yet durable");
        trail.gate.countDown();
        HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(body(response).contains(TOPIC));
    }

    @Test
    void aReadWhoseRecordCannotBeWrittenIsA503WithoutTheResource() throws Exception {
        trail.failing = true;
        HttpResponse<byte[]> response =
                endpoint.get("Communication/" + thread.conversation().getId());

        assertRefused(response);
        assertFalse(body(response).contains(TOPIC), body(response));
    }

    @Test
    void aStreamedDownloadWhoseRecordCannotBeWrittenIsA503WithoutTheFile() throws Exception {
        trail.failing = true;
        HttpResponse<byte[]> response = endpoint.get("Binary/" + letter.getId());

        assertRefused(response);
        assertFalse(body(response).contains("discharge"), body(response));
    }

    @Test
    void aRefusalWhoseRecordCannotBeWrittenIsA503Too() throws Exception {
        trail.failing = true;
        assertRefused(endpoint.get("Communication?unknown-parameter=1"));
    }

    private void assertRefused(HttpResponse<byte[]> response) {
        assertEquals(503, response.statusCode());
        assertEquals("10", response.headers().firstValue("Retry-After").orElseThrow());
        OperationOutcome outcome = endpoint.parse(OperationOutcome.class, response);
        assertEquals(
                OperationOutcome.IssueType.TRANSIENT, outcome.getIssueFirstRep().getCode());
    }

    private static Conversation topical() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
        conversation.setTopic(TOPIC);
        return conversation;
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** An audit service that waits at its gate, then records or fails as the test says. */
    private static final class Trail extends AuditTrailStub {

        volatile boolean failing;
        volatile CountDownLatch gate = new CountDownLatch(0);
        final CountDownLatch reached = new CountDownLatch(1);

        @Override
        public void record(AuditAccess access, Set<String> patientsConcerned) {
            reached.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new AuditNotWrittenException("the database is down", null);
            }
        }

        @Override
        public void recordWithoutCaller(AuditAccess access) {
            record(access, Set.of());
        }
    }

    /** One PDF, streamed from its store. */
    private final class Letters implements AttachmentService {

        @Override
        public Attachment upload(InputStream content, String declaredType, long declaredLength) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttachmentContent open(String id) {
            return new AttachmentContent(letter, new ByteArrayInputStream(PDF));
        }

        @Override
        public long maxBytes() {
            return PDF.length;
        }
    }
}
