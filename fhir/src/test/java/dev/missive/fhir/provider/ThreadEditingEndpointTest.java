package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.uhn.fhir.context.FhirContext;
import dev.missive.domain.Party;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.server.StubbedEndpoint;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.VersionConflictException;
import dev.missive.thread.Conversation;
import dev.missive.thread.NewThread;
import dev.missive.thread.ThreadChange;
import dev.missive.thread.ThreadDetail;
import dev.missive.thread.ThreadEditing;
import dev.missive.thread.ThreadView;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT} of a thread header reaches the thread editing service with the If-Match version
 * (as the entity counts it), answers the thread with its version as ETag and its changes as
 * thread-change extensions, 412 for a replaced version and 422 with the rule for a closed thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreadEditingEndpointTest {

    private static final Instant NOW = Instant.parse("2026-11-21T14:02:00Z");

    private final Editing editing = new Editing();

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(editing);

    @BeforeEach
    void noEditsYet() {
        editing.expected.clear();
    }

    @Test
    void anEditAnswersTheThreadWithItsVersionAndTheChangeAsAnEventLine() throws Exception {
        HttpResponse<byte[]> edited = endpoint.send(put("t1", "Left knee", null));

        assertEquals(200, edited.statusCode());
        Communication thread = endpoint.parse(Communication.class, edited);
        assertEquals(
                "W/\"" + thread.getMeta().getVersionId() + "\"",
                edited.headers().firstValue("ETag").orElse(null));
        assertEquals("Left knee", thread.getTopic().getText());
        Extension change = thread.getExtensionByUrl(MissiveFhir.THREAD_CHANGE);
        assertEquals(
                "Patient/alice", ((Reference) change.getExtensionByUrl("author").getValue()).getReference());
        assertEquals(
                NOW,
                ((InstantType) change.getExtensionByUrl("time").getValue())
                        .getValue()
                        .toInstant());
        assertEquals(
                List.of("topic", "recipient"),
                change.getExtensionsByUrl("changed").stream()
                        .map(e -> ((Coding) e.getValue()).getCode())
                        .toList());
        assertNull(editing.expected.get(0), "no If-Match: an unconditional edit");
    }

    @Test
    void ifMatchReachesTheServiceAndAReplacedVersionIs412() throws Exception {
        assertEquals(200, endpoint.send(put("t1", "Tab one", "W/\"1\"")).statusCode());
        HttpResponse<byte[]> stale = endpoint.send(put("t1", "Tab two", "W/\"2\""));

        assertEquals(412, stale.statusCode());
        assertEquals(List.of(0L, 1L), editing.expected, "FHIR versions start at 1, the entity's at 0");
        assertEquals(400, endpoint.send(put("t1", "Tab three", "W/\"one\"")).statusCode());
    }

    @Test
    void aClosedThreadIs422WithTheRule() throws Exception {
        HttpResponse<byte[]> refused = endpoint.send(put("closed", "Anything", null));

        assertEquals(422, refused.statusCode());
        assertEquals(
                Rule.THREAD_CLOSED.code(),
                endpoint.parse(OperationOutcome.class, refused)
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
    }

    private HttpRequest.Builder put(String id, String topic, String ifMatch) {
        Communication header = new Communication();
        header.setId(id);
        header.setStatus(Communication.CommunicationStatus.INPROGRESS);
        header.setSubject(new Reference("Patient/alice"));
        header.addRecipient(new Reference("Practitioner/drkhan"));
        header.getTopic().setText(topic);
        HttpRequest.Builder request = endpoint.request("Communication/" + id)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        FhirContext.forR4Cached().newJsonParser().encodeResourceToString(header)));
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    /** A thread at entity version 0 that moved to the practitioner named, its subject changed; "closed" is closed. */
    private static final class Editing implements ThreadEditing {

        final List<Long> expected = new ArrayList<>();

        @Override
        public ThreadView editThread(String id, NewThread edited, Long expectedVersion) {
            expected.add(expectedVersion);
            if (id.equals("closed")) {
                throw new RuleViolationException(Rule.THREAD_CLOSED, "A closed thread's details cannot be edited");
            }
            if (expectedVersion != null && expectedVersion != 0) {
                throw new VersionConflictException("Communication", id);
            }
            Conversation thread =
                    new Conversation("alice", edited.practitionerId(), Party.patient("alice"), "general", NOW);
            thread.setTopic(edited.topic());
            return new ThreadView(
                    thread,
                    null,
                    List.of(new ThreadChange(
                            id, Party.patient("alice"), List.of(ThreadDetail.SUBJECT, ThreadDetail.RECIPIENT), NOW)));
        }
    }
}
