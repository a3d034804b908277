package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import dev.missive.domain.Party;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.server.StubbedEndpoint;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.UnitOfWork;
import dev.missive.thread.Conversation;
import dev.missive.thread.DraftService;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadEditing;
import dev.missive.thread.ThreadView;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sender a client names reaches the services on every write of a Communication: here stubs
 * that, as the services do, refuse any sender but the caller's. The client then sees 422 with the
 * rule's code; a sender that is no person at all is 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Party CALLER = Party.practitioner(StubbedEndpoint.CALLER);
    private static final Party ALICE = Party.patient("alice");

    /** Each way of writing a Communication, as a request naming the sender given (none: null). */
    private final Map<String, Function<Reference, HttpRequest.Builder>> writes = Map.of(
            "start", sender -> post("Communication", header(sender)),
            "send", sender -> post("Communication", message(sender)),
            "save-draft-thread", sender -> post("Communication", draft(header(sender))),
            "save-draft-message", sender -> post("Communication", draft(message(sender))),
            "edit-draft-thread", sender -> put("Communication/t1", header(sender)),
            "edit-draft-message", sender -> put("Communication/m1", message(sender)),
            "transaction", sender -> post("", transaction(sender)));

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(new Sending(), new Drafts(), new Editing(), new UnitOfWork());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "start",
                "send",
                "save-draft-thread",
                "save-draft-message",
                "edit-draft-thread",
                "edit-draft-message",
                "transaction"
            })
    void anotherSenderIs422WithTheRuleTheCallerOrNoneIsWritten(String write) throws Exception {
        HttpResponse<byte[]> refused = endpoint.send(writes.get(write).apply(new Reference("Practitioner/drpatel")));
        assertEquals(422, refused.statusCode());
        Coding rule = endpoint.parse(OperationOutcome.class, refused)
                .getIssueFirstRep()
                .getDetails()
                .getCodingFirstRep();
        assertEquals(MissiveFhir.RULE, rule.getSystem());
        assertEquals(Rule.SENDER_NOT_CALLER.code(), rule.getCode());

        assertSuccess(endpoint.send(writes.get(write).apply(new Reference("Practitioner/" + CALLER.id()))));
        assertSuccess(endpoint.send(writes.get(write).apply(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Organization/clinic", "#contained", "urn:uuid:0c3e7b8a-0c43-4b6f-9d7e-0e1f2a3b4c5d"})
    void aSenderThatIsNoPersonIs400(String reference) throws Exception {
        assertEquals(
                400,
                endpoint.send(writes.get("send").apply(new Reference(reference)))
                        .statusCode());
    }

    private static void assertSuccess(HttpResponse<byte[]> response) {
        assertEquals(2, response.statusCode() / 100, () -> "status " + response.statusCode());
    }

    private static Communication header(Reference sender) {
        Communication header = new Communication();
        header.setSubject(new Reference("Patient/alice"));
        header.addRecipient(new Reference("Practitioner/drlee"));
        return header.setSender(sender);
    }

    private static Communication message(Reference sender) {
        Communication message = new Communication();
        message.addPartOf(new Reference("Communication/t1"));
        message.addPayload().setContent(new StringType("Hello"));
        return message.setSender(sender);
    }

    private static Communication draft(Communication communication) {
        return communication.setStatus(Communication.CommunicationStatus.PREPARATION);
    }

    /** A thread and its first message, the sender named on the message only. */
    private static Bundle transaction(Reference sender) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String thread = "urn:uuid:7d1c2f9e-3a4b-4c5d-8e6f-9a0b1c2d3e4f";
        bundle.addEntry()
                .setFullUrl(thread)
                .setResource(header(null))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        Communication message = message(sender);
        message.getPartOfFirstRep().setReference(thread);
        bundle.addEntry()
                .setResource(message)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        return bundle;
    }

    private HttpRequest.Builder post(String path, Resource body) {
        return endpoint.request(path)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    }

    private HttpRequest.Builder put(String path, Resource body) {
        body.setId(path);
        return endpoint.request(path)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body)));
    }

    private static String json(Resource resource) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource);
    }

    /** What the services do with a named sender: only the caller's passes. */
    private static void holdToCaller(Party named) {
        if (named != null && !named.equals(CALLER)) {
            throw new RuleViolationException(Rule.SENDER_NOT_CALLER, "The sender is the caller");
        }
    }

    private static ThreadView thread(Party named) {
        holdToCaller(named);
        return new ThreadView(new Conversation("alice", CALLER.id(), CALLER, "general", NOW), null);
    }

    private static Message written(Party named) {
        holdToCaller(named);
        return new Message("t1", CALLER, ALICE, "Hello", null, NOW);
    }

    private static final class Sending implements SendingService {

        @Override
        public ThreadView start(NewThread request) {
            return thread(request.sender());
        }

        @Override
        public Message send(NewMessage request) {
            return written(request.sender());
        }
    }

    private static final class Editing implements ThreadEditing {

        @Override
        public ThreadView editThread(String id, NewThread edited, Long expectedVersion) {
            return thread(edited.sender());
        }
    }

    private static final class Drafts implements DraftService {

        @Override
        public ThreadView saveThread(NewThread draft) {
            return thread(draft.sender());
        }

        @Override
        public Message saveMessage(NewMessage draft) {
            return written(draft.sender());
        }

        @Override
        public Message editMessage(String id, NewMessage edited, Long expectedVersion) {
            return written(edited.sender());
        }

        @Override
        public void discard(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ThreadView> threads() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Message> messages() {
            throw new UnsupportedOperationException();
        }
    }
}
