package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.domain.Party;
import dev.missive.fhir.server.ReadingServiceStub;
import dev.missive.fhir.server.StubbedEndpoint;
import dev.missive.service.Page;
import dev.missive.thread.Conversation;
import dev.missive.thread.DraftService;
import dev.missive.thread.InboxCursor;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.ThreadView;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@code GET /Communication?...} reaches the services: parameters parsed, refused, paged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final int INBOX_SIZE = 45;
    private static final String THREAD = "t1";

    /** What the reading service was asked for, one entry a call. */
    private record Asked(String call, Object what, InboxCursor after, int offset, int limit) {}

    private final List<ThreadView> inbox = IntStream.range(0, INBOX_SIZE)
            .mapToObj(i -> new ThreadView(
                    new Conversation(
                            "alice", "drlee", Party.patient("alice"), "general", NOW.minus(Duration.ofMinutes(i))),
                    null))
            .toList();
    private final List<Message> messages = IntStream.range(0, 3)
            .mapToObj(i -> new Message(
                    THREAD,
                    Party.patient("alice"),
                    Party.practitioner("drlee"),
                    "Message " + i,
                    null,
                    NOW.plus(Duration.ofMinutes(i))))
            .toList();
    private final ThreadView draftThread =
            new ThreadView(new Conversation("alice", "drlee", Party.practitioner("drlee"), "general", NOW), null);
    private final Message draftMessage =
            new Message(THREAD, Party.practitioner("drlee"), Party.patient("alice"), "Not sent yet", null, NOW);

    private final Queue<Asked> asked = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(
            new ReadingServiceStub() {
                @Override
                public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
                    asked.add(new Asked("inboxPage", filter, null, 0, limit));
                    return new Page<>(inbox.subList(0, Math.min(limit, INBOX_SIZE)), INBOX_SIZE);
                }

                @Override
                public List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit) {
                    asked.add(new Asked("inbox", filter, after, offset, limit));
                    return inbox.subList(offset, Math.min(offset + limit, INBOX_SIZE));
                }

                @Override
                public Page<Message> messagePage(String conversationId, int limit) {
                    asked.add(new Asked("messagePage", conversationId, null, 0, limit));
                    return new Page<>(messages, messages.size());
                }
            },
            new Drafts());

    @BeforeEach
    void forget() {
        asked.clear();
    }

    @Test
    void anInboxSearchHandsEveryFilterToTheService() throws Exception {
        HttpResponse<byte[]> response = endpoint.get("Communication?part-of:missing=true&archived=true&unread=true"
                + "&category=test-results&subject=Patient/alice&_content=knee%20pain&_count=5");

        assertEquals(200, response.statusCode());
        assertEquals(
                List.of(new Asked(
                        "inboxPage", new InboxFilter(true, true, "test-results", "alice", "knee pain"), null, 0, 5)),
                List.copyOf(asked));
        Bundle bundle = endpoint.parse(Bundle.class, response);
        assertEquals(INBOX_SIZE, bundle.getTotal());
        assertEquals(ids(inbox.subList(0, 5)), ids(bundle));
    }

    @Test
    void anInboxSearchWithoutFiltersNarrowsNothingAndReadsTheDefaultPage() throws Exception {
        assertEquals(200, endpoint.get("Communication?part-of:missing=true").statusCode());
        assertEquals(
                List.of(new Asked("inboxPage", InboxFilter.ALL, null, 0, Paging.DEFAULT_PAGE_SIZE)),
                List.copyOf(asked));
    }

    @Test
    void falseFlagsAreKeptApart() throws Exception {
        assertEquals(
                200,
                endpoint.get("Communication?part-of:missing=true&archived=false&unread=false")
                        .statusCode());
        assertEquals(
                new InboxFilter(false, false, null, null, null), asked.remove().what());
    }

    @Test
    void aCountAboveTheLargestPageReadsTheLargestPage() throws Exception {
        assertEquals(
                200,
                endpoint.get("Communication?part-of:missing=true&_count=500").statusCode());
        assertEquals(Paging.MAX_PAGE_SIZE, asked.remove().limit());
    }

    @Test
    void theNextPageContinuesRightAfterTheLastThreadShown() throws Exception {
        Bundle first =
                endpoint.parse(Bundle.class, endpoint.get("Communication?part-of:missing=true&unread=true&_count=20"));
        assertNull(first.getLink(Bundle.LINK_PREV));
        assertNotNull(first.getLink(Bundle.LINK_NEXT), "a next link while threads remain");
        asked.clear();

        Bundle second = endpoint.parse(
                Bundle.class,
                endpoint.send(endpoint.request(first.getLink(Bundle.LINK_NEXT).getUrl())));

        assertEquals(
                List.of(new Asked(
                        "inbox",
                        new InboxFilter(null, true, null, null, null),
                        InboxCursor.after(inbox.get(19).conversation()),
                        20,
                        20)),
                List.copyOf(asked));
        assertEquals(ids(inbox.subList(20, 40)), ids(second));
        assertNotNull(second.getLink(Bundle.LINK_PREV));
        assertNotNull(second.getLink(Bundle.LINK_NEXT));
    }

    @Test
    void anInboxFlagWithAModifierInsteadOfAValueIs400() throws Exception {
        // a null value met a switch: a 500 (found by the fuzzer)
        for (String flag : new String[] {"archived:missing=true", "unread:missing=false"}) {
            var response = endpoint.get("Communication?part-of:missing=true&" + flag);

            assertEquals(400, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPageAskedForWithAnIncludeThatNamesNoTypeIs400() throws Exception {
        Bundle first =
                endpoint.parse(Bundle.class, endpoint.get("Communication?part-of:missing=true&unread=true&_count=20"));

        // HAPI built the page with it and failed on the blank type: a 500 (found by the fuzzer)
        var response =
                endpoint.send(endpoint.request(first.getLink(Bundle.LINK_NEXT).getUrl() + "&_include=:"));

        assertEquals(400, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void partOfAThreadListsItsMessages() throws Exception {
        Bundle bundle = endpoint.parse(Bundle.class, endpoint.get("Communication?part-of=Communication/" + THREAD));

        assertEquals(List.of(new Asked("messagePage", THREAD, null, 0, Paging.DEFAULT_PAGE_SIZE)), List.copyOf(asked));
        assertEquals(messages.stream().map(Message::getId).toList(), ids(bundle));
    }

    @Test
    void statusPreparationListsTheCallersDrafts() throws Exception {
        Bundle bundle = endpoint.parse(Bundle.class, endpoint.get("Communication?status=preparation"));

        assertEquals(List.of(draftThread.conversation().getId(), draftMessage.getId()), ids(bundle));
        assertTrue(asked.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Communication",
                "Communication?status=completed",
                "Communication?part-of:missing=true&archived=maybe",
                "Communication?part-of:missing=true&unread=yes",
                "Communication?part-of:missing=false",
                "Communication?part-of=Patient/alice",
                "Communication?part-of:missing=true&subject=Practitioner/drlee",
                "Communication?part-of:missing=true&subject.name=alice",
                "Communication?part-of:missing=true&_content=ab",
                "Communication?part-of:missing=true&status=completed",
                "Communication?part-of=Communication/t1&status=preparation",
                "Communication?part-of:missing=true&_sort=-sent",
                "Communication?part-of:missing=true&recipient=Practitioner/drlee"
            })
    void aSearchTheServerCannotAnswerIs400WithAnOperationOutcome(String search) throws Exception {
        HttpResponse<byte[]> response = endpoint.get(search);

        assertEquals(400, response.statusCode());
        OperationOutcome outcome = endpoint.parse(OperationOutcome.class, response);
        assertEquals(
                OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        assertFalse(outcome.getIssueFirstRep().getDiagnostics().isBlank());
        assertTrue(asked.isEmpty(), "nothing read for a refused search");
    }

    @Test
    void anUnsupportedParameterIsNamedInsteadOfIgnored() throws Exception {
        HttpResponse<byte[]> response = endpoint.get("Communication?part-of:missing=true&_sort=-sent&unread=true");

        assertEquals(400, response.statusCode());
        String diagnostics = endpoint.parse(OperationOutcome.class, response)
                .getIssueFirstRep()
                .getDiagnostics();
        assertTrue(diagnostics.contains("_sort"), diagnostics);
        assertFalse(diagnostics.contains("parameter(s) unread"), diagnostics);
        assertTrue(asked.isEmpty());
    }

    private static List<String> ids(List<ThreadView> threads) {
        return threads.stream().map(view -> view.conversation().getId()).toList();
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }

    /** One draft thread and one draft message; nothing else is asked of drafts here. */
    private final class Drafts implements DraftService {

        @Override
        public List<ThreadView> threads() {
            return List.of(draftThread);
        }

        @Override
        public List<Message> messages() {
            return List.of(draftMessage);
        }

        @Override
        public ThreadView saveThread(NewThread draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Message saveMessage(NewMessage draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Message editMessage(String id, NewMessage edited, Long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void discard(String id) {
            throw new UnsupportedOperationException();
        }
    }
}
