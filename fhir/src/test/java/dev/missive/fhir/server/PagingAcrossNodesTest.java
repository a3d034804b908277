package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.util.UrlUtil;
import dev.missive.domain.Party;
import dev.missive.search.PagedSearch;
import dev.missive.service.Page;
import dev.missive.thread.Conversation;
import dev.missive.thread.InboxCursor;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.ThreadView;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes of a cluster, each the production assembly with its own memory, sharing the record
 * of paged searches (the database): a next link is answered by whichever node it reaches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingAcrossNodesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final int INBOX_SIZE = 45;
    private static final String SEARCH = "Communication?part-of:missing=true&unread=true&_count=20";
    private static final InboxFilter UNREAD = new InboxFilter(null, true, null, null, null);

    /** What the reading service was asked for, one entry a call. */
    private record Asked(String call, InboxCursor after, int offset, int limit) {}

    private final List<ThreadView> inbox = IntStream.range(0, INBOX_SIZE)
            .mapToObj(i -> new ThreadView(
                    new Conversation(
                            "alice", "drlee", Party.patient("alice"), "general", NOW.minus(Duration.ofMinutes(i))),
                    null))
            .toList();
    private final Queue<Asked> asked = new ConcurrentLinkedQueue<>();
    /** How many of the inbox's threads the caller sees now. */
    private volatile int visible;

    private final ReadingServiceStub reading = new ReadingServiceStub() {
        @Override
        public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
            assertEquals(UNREAD, filter);
            asked.add(new Asked("inboxPage", null, 0, limit));
            return new Page<>(inbox.subList(0, Math.min(limit, visible)), visible);
        }

        @Override
        public List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit) {
            assertEquals(UNREAD, filter);
            asked.add(new Asked("inbox", after, offset, limit));
            return inbox.subList(Math.min(offset, visible), Math.min(offset + limit, visible));
        }
    };
    private final SearchesKept database = new SearchesKept();
    private final AuditsKept auditedByB = new AuditsKept();

    @RegisterExtension
    final StubbedEndpoint nodeA = new StubbedEndpoint(reading, database);

    @RegisterExtension
    final StubbedEndpoint nodeB = new StubbedEndpoint(reading, database, auditedByB);

    @BeforeEach
    void reset() {
        visible = INBOX_SIZE;
        asked.clear();
        auditedByB.forget();
    }

    @Test
    void aNextLinkFromOneNodeIsAnsweredByAnotherWithTheRightPage() throws Exception {
        String next = nextOnB(search());
        PagedSearch recorded = database.find(searchId(next)).orElseThrow();
        assertEquals(StubbedEndpoint.CALLER, recorded.getAccount());
        assertEquals("Communication", recorded.getPath());
        assertEquals(
                Map.of("part-of:missing", List.of("true"), "unread", List.of("true"), "_count", List.of("20")),
                parameters(recorded.getQuery()));
        asked.clear();

        Bundle second = nodeB.parse(Bundle.class, nodeB.send(nodeB.request(next)));

        assertEquals(ids(inbox.subList(20, 40)), ids(second));
        assertEquals(INBOX_SIZE, second.getTotal());
        assertEquals(
                List.of(
                        new Asked("inboxPage", null, 0, 20),
                        new Asked("inbox", InboxCursor.after(inbox.get(19).conversation()), 20, 20)),
                List.copyOf(asked),
                "run again as the first page, then the page asked for, continuing after the first");
        var audited = auditedByB.only();
        assertEquals("search-type", audited.access().interaction(), "the page request, once: not the search run again");
        assertTrue(audited.withCaller());
        asked.clear();

        Bundle third = nodeB.parse(
                Bundle.class,
                nodeB.send(nodeB.request(second.getLink(Bundle.LINK_NEXT).getUrl())));

        assertEquals(ids(inbox.subList(40, INBOX_SIZE)), ids(third));
        assertEquals(
                List.of(new Asked("inbox", InboxCursor.after(inbox.get(39).conversation()), 40, INBOX_SIZE - 40)),
                List.copyOf(asked),
                "node B holds the search now");
    }

    @Test
    void anotherAccountsNextLinkIsGoneOnEveryNodeWithNothingOfTheSearchers() throws Exception {
        String next = nextOnB(search());
        TestToken someoneElse = new TestToken("alice", "patient", "patient/*.cruds");
        asked.clear();

        for (StubbedEndpoint node : List.of(nodeB, nodeA)) {
            for (String link : new String[] {next, offsetZero(next)}) {
                HttpResponse<byte[]> response = node.send(node.request(onNode(link, node), someoneElse));

                assertEquals(410, response.statusCode(), link);
                assertFalse(
                        new String(response.body(), StandardCharsets.UTF_8)
                                .contains(inbox.get(0).conversation().getId()),
                        "nothing of the searcher's inbox");
            }
        }
        assertTrue(asked.isEmpty(), "the search was not run again for them");
        assertEquals(200, nodeB.send(nodeB.request(next)).statusCode(), "the searcher still pages");
    }

    @Test
    void anUnknownOrExpiredSearchIsGoneOnEveryNode() throws Exception {
        String next = nextOnB(search());
        asked.clear();

        assertEquals(
                410,
                nodeB.send(nodeB.request(next.replace(searchId(next), "no-such-search")))
                        .statusCode());
        database.expire(searchId(next));
        assertEquals(410, nodeB.send(nodeB.request(next)).statusCode());
        assertEquals(410, nodeA.send(nodeA.request(onNode(next, nodeA))).statusCode(), "the node that holds it agrees");
        assertTrue(asked.isEmpty());
    }

    @Test
    void theSearchRunAgainIsWhatTheCallerSeesNow() throws Exception {
        String next = nextOnB(search());
        visible = 30;
        asked.clear();

        Bundle second = nodeB.parse(Bundle.class, nodeB.send(nodeB.request(next)));

        assertEquals(30, second.getTotal());
        assertEquals(ids(inbox.subList(20, 30)), ids(second));
    }

    @Test
    void theSearchRunAgainIsRefusedWhenThePageRequestsTokenNoLongerAllowsIt() throws Exception {
        String next = nextOnB(search());
        asked.clear();

        HttpResponse<byte[]> response =
                nodeB.send(nodeB.request(next, TestToken.PRACTITIONER.withScope("user/Patient.rs")));

        assertEquals(403, response.statusCode(), "answered as the search would be, with this token");
        assertTrue(asked.isEmpty());
        assertEquals("search-type", auditedByB.only().access().interaction());
    }

    @Test
    void aSearchWithNoSecondPageNowIsGoneAsAnExpiredOne() throws Exception {
        String next = nextOnB(search());
        visible = 15;

        assertEquals(410, nodeB.send(nodeB.request(next)).statusCode());
    }

    @Test
    void aSearchWithoutATokenHasNoNextLinkNoOneCouldFollow() throws Exception {
        Bundle first = nodeA.parse(Bundle.class, nodeA.send(nodeA.anonymous("CodeSystem?_count=1")));

        assertTrue(first.getTotal() > 1);
        assertEquals(null, first.getLink(Bundle.LINK_NEXT));
    }

    private Bundle search() throws Exception {
        return nodeA.parse(Bundle.class, nodeA.get(SEARCH));
    }

    /** The first page's next link, sent to node B. */
    private String nextOnB(Bundle first) {
        assertNotNull(first.getLink(Bundle.LINK_NEXT), "a next link while threads remain");
        return onNode(first.getLink(Bundle.LINK_NEXT).getUrl(), nodeB);
    }

    /** {@code link} on {@code node}: what a load balancer does. */
    private String onNode(String link, StubbedEndpoint node) {
        String path = link.substring(link.indexOf("/fhir"));
        return node.getBaseUrl().substring(0, node.getBaseUrl().indexOf("/fhir")) + path;
    }

    private static String offsetZero(String link) {
        return link.replaceFirst("_getpagesoffset=\\d+", "_getpagesoffset=0");
    }

    private static String searchId(String link) {
        return UrlUtil.parseQueryString(link.substring(link.indexOf('?') + 1)).get("_getpages")[0];
    }

    private static Map<String, List<String>> parameters(String query) {
        return UrlUtil.parseQueryString(query).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, parameter -> Arrays.asList(parameter.getValue())));
    }

    private static List<String> ids(List<ThreadView> threads) {
        return threads.stream().map(view -> view.conversation().getId()).toList();
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }
}
