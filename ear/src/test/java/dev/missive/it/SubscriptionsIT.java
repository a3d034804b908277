package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An integration engine subscribes to sent messages and a real HTTP receiver (the JDK's
 * HttpServer on loopback, which the suite's MISSIVE_SUBSCRIPTION_ENDPOINTS allows) is told of
 * them: the handshake, an id-only notification within 2 s of a send, every event after the
 * receiver was down (the suite retries from 100 ms), $events for the gap, and the refusals.
 */
class SubscriptionsIT extends MissiveIT {

    private static final String TOPIC = "https://missive.dev/fhir/SubscriptionTopic/message-sent";
    private static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

    private final Fhir engine = Fhir.as(Tokens.INTEGRATION);
    private final Fhir alice = Fhir.as("alice");
    private final List<String> created = new ArrayList<>();
    private Receiver receiver;

    @AfterEach
    void cleanUp() {
        created.forEach(id -> engine.delete("Subscription/" + id));
        if (receiver != null) {
            receiver.server.stop(0);
        }
    }

    @Test
    void aSentMessageArrivesIdOnlyWithin2sAndAReceiverThatWasDownCatchesUpWithNoEventLost() throws Exception {
        receiver = new Receiver();
        String id = subscribe(receiver.url(), "Communication?recipient=Practitioner/drlee&patient=Patient/alice");

        Parameters handshake = receiver.next(Duration.ofSeconds(5));
        assertEquals("handshake", value(handshake, "type"));
        assertEquals(
                "Subscription/" + id,
                ((Reference) handshake.getParameter("subscription").getValue()).getReference());
        assertEquals(TOPIC, value(handshake, "topic"));
        assertEquals("active", statusOnceSettled(id, "active", Duration.ofSeconds(2)));

        String thread = Threads.start(alice, "alice", "drlee", "Subscription test");
        long before = System.nanoTime();
        String first = Threads.send(alice, thread, "Knee still swollen after the run");
        Parameters notified = receiver.next(Duration.ofSeconds(2));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        assertEquals("event-notification", value(notified, "type"));
        assertEquals(List.of("Communication/" + first), foci(notified), "arrived in " + millis + " ms");
        long firstNumber = numbers(notified).get(0);
        assertFalse(receiver.bodies.stream().anyMatch(body -> body.contains("swollen")), "ids only");

        receiver.down.set(true);
        String second = Threads.send(alice, thread, "Second");
        String third = Threads.send(alice, thread, "Third");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (receiver.refused.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(receiver.refused.get() > 0, "a post was refused while down");
        receiver.down.set(false);

        List<String> caughtUp = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        while (caughtUp.size() < 2) {
            Parameters next = receiver.next(Duration.ofSeconds(10));
            caughtUp.addAll(foci(next));
            numbers.addAll(numbers(next));
        }
        assertEquals(List.of("Communication/" + second, "Communication/" + third), caughtUp);
        assertEquals(List.of(firstNumber + 1, firstNumber + 2), numbers, "numbered one by one, none lost");

        Bundle gap = engine.get("Subscription/" + id + "/$events?eventsSinceNumber=" + firstNumber)
                .bundle();
        assertEquals(Bundle.BundleType.HISTORY, gap.getType());
        Parameters events = (Parameters) gap.getEntryFirstRep().getResource();
        assertEquals("query-event", value(events, "type"));
        assertEquals(
                List.of("Communication/" + first, "Communication/" + second, "Communication/" + third), foci(events));
        Bundle status = engine.get("Subscription/" + id + "/$status").bundle();
        assertEquals(
                Long.toString(firstNumber + 2),
                value((Parameters) status.getEntryFirstRep().getResource(), "events-since-subscription-start"));
    }

    @Test
    void onlyAnIntegrationEngineSubscribesAndSeesSubscriptions() {
        String id = subscribe("http://127.0.0.1:9/hook", null);
        for (String account : List.of("drlee", "alice", "admin")) {
            Fhir other = Fhir.as(account);
            assertEquals(
                    403,
                    other.post("Subscription", subscription("http://127.0.0.1:9/hook", null))
                            .status());
            assertEquals(403, other.get("Subscription/" + id).status(), account);
            assertEquals(403, other.get("Subscription/" + id + "/$events").status(), account);
        }
        assertEquals(
                1,
                engine.get("Subscription").bundle().getEntry().stream()
                        .filter(entry ->
                                entry.getResource().getIdElement().getIdPart().equals(id))
                        .count());
    }

    @Test
    void anEndpointNotOnTheAllowListIsRefusedWith422() {
        for (String endpoint : List.of("https://ehr.example/hook", "http://10.1.2.3/hook")) {
            Fhir.Response refused = engine.post("Subscription", subscription(endpoint, null));
            assertEquals(422, refused.status(), refused::toString);
            assertEquals(
                    "subscription-endpoint-not-allowed",
                    refused.outcome()
                            .getIssueFirstRep()
                            .getDetails()
                            .getCodingFirstRep()
                            .getCode());
        }
    }

    @Test
    void aSubscriptionWhoseEndpointKeepsFailingGoesToError() throws InterruptedException {
        String id = subscribe("http://127.0.0.1:9/nobody-listens", null);
        assertEquals("error", statusOnceSettled(id, "error", Duration.ofSeconds(20)));
    }

    /** The subscription's status once it is {@code expected}, or when {@code within} is over. */
    private String statusOnceSettled(String id, String expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String status = engine.get("Subscription/" + id)
                .as(Subscription.class)
                .getStatus()
                .toCode();
        while (!expected.equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = engine.get("Subscription/" + id)
                    .as(Subscription.class)
                    .getStatus()
                    .toCode();
        }
        return status;
    }

    private String subscribe(String endpoint, String filter) {
        Fhir.Response response = engine.post("Subscription", subscription(endpoint, filter));
        assertEquals(201, response.status(), response::toString);
        String id = response.as(Subscription.class).getIdElement().getIdPart();
        created.add(id);
        return id;
    }

    private static Subscription subscription(String endpoint, String filter) {
        Subscription subscription = new Subscription();
        subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        subscription.setReason("In-basket");
        subscription.setCriteria(TOPIC);
        if (filter != null) {
            subscription
                    .getCriteriaElement()
                    .addExtension(BACKPORT + "backport-filter-criteria", new StringType(filter));
        }
        subscription
                .getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint(endpoint)
                .setPayload("application/fhir+json");
        subscription
                .getChannel()
                .getPayloadElement()
                .addExtension(BACKPORT + "backport-payload-content", new CodeType("id-only"));
        return subscription;
    }

    private static String value(Parameters status, String name) {
        return status.getParameter(name).getValue().primitiveValue();
    }

    private static List<String> foci(Parameters status) {
        return events(status).stream()
                .map(event -> ((Reference) event.getPart().stream()
                                .filter(part -> part.getName().equals("focus"))
                                .findFirst()
                                .orElseThrow()
                                .getValue())
                        .getReference())
                .toList();
    }

    private static List<Long> numbers(Parameters status) {
        return events(status).stream()
                .map(event -> Long.parseLong(event.getPart().stream()
                        .filter(part -> part.getName().equals("event-number"))
                        .findFirst()
                        .orElseThrow()
                        .getValue()
                        .primitiveValue()))
                .toList();
    }

    private static List<Parameters.ParametersParameterComponent> events(Parameters status) {
        return status.getParameter().stream()
                .filter(parameter -> parameter.getName().equals("notification-event"))
                .toList();
    }

    /** An integration engine's endpoint: takes notifications, or refuses them with 503 while down. */
    private static final class Receiver {

        final HttpServer server;
        final BlockingQueue<Parameters> statuses = new LinkedBlockingQueue<>();
        final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger refused = new AtomicInteger();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (down.get()) {
                        refused.incrementAndGet();
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    bodies.add(body);
                    Bundle bundle = Fhir.CONTEXT.newJsonParser().parseResource(Bundle.class, body);
                    statuses.add((Parameters) bundle.getEntryFirstRep().getResource());
                    exchange.sendResponseHeaders(200, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        /** The next notification but heartbeats. */
        Parameters next(Duration within) throws InterruptedException {
            Parameters status = statuses.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(status, "no notification within " + within);
            return status;
        }
    }
}
