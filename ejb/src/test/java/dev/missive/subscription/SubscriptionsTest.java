package dev.missive.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.NewMessage;
import dev.missive.thread.SendingService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A sent message is an event, numbered per subscription, for each subscription whose filter it
 * matches, committed with it; the handshake comes first, then the events in order, heartbeats
 * when idle; a failing endpoint is retried with back-off, and the subscription is in error after
 * the last attempt. The test clinic runs the real services and repositories on H2.
 */
class SubscriptionsTest {

    private static final String ENDPOINT = "https://ehr.example/missive/hook";

    private final TestClinic clinic = new TestClinic();

    SubscriptionsTest() {
        clinic.beans.config("missive.subscription.endpoints", Optional.of("https://ehr.example/missive"));
        clinic.beans.config("missive.subscription.max.attempts", 3);
        clinic.beans.config("missive.subscription.retry.delay.ms", 1000L);
    }

    @Test
    void aSentMessageIsAnEventForEachMatchingSubscriptionNumberedFromOne() {
        String toLee = subscribe(new MessageFilter("drlee", false, null), null);
        String toPatel = subscribe(new MessageFilter("drpatel", false, null), null);
        String toClinic = subscribe(new MessageFilter(null, true, "alice"), null);
        String everything = subscribe(MessageFilter.everything(), null);

        clinic.actAs("alice");
        String first = send(clinic.start("alice", "drlee"));
        String second = send(clinic.start("alice", "drlee"));
        clinic.actAs("drlee");
        String answer = send(clinic.threads().get(0).getId());

        clinic.actAs("engine");
        assertEquals(List.of(first, second), messages(toLee));
        assertEquals(List.of(), messages(toPatel));
        assertEquals(List.of(first, second), messages(toClinic), "a practitioner's answer is not to the clinic");
        assertEquals(List.of(first, second, answer), messages(everything));
        assertEquals(List.of(1L, 2L, 3L), numbers(everything));
    }

    @Test
    void aRefusedMessageIsNoEvent() {
        String everything = subscribe(MessageFilter.everything(), null);
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        assertThrows(
                InvalidRequestException.class,
                () -> clinic.bean(SendingService.class).send(new NewMessage(thread, "x".repeat(100_000), null)));
        clinic.actAs("engine");
        assertEquals(0, service().status(everything).eventsSinceStart());
    }

    @Test
    void theHandshakeComesFirstThenTheEventsInOrderThenHeartbeatsWhenIdle() {
        String id = subscribe(MessageFilter.everything(), 60);
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        send(thread);

        SubscriptionNotification handshake = claimOne();
        assertEquals(NotificationType.HANDSHAKE, handshake.type());
        assertTrue(deliveries().claimDue(10).isEmpty(), "claimed: no node posts it twice at once");
        deliveries().delivered(handshake);

        SubscriptionNotification events = claimOne();
        assertEquals(NotificationType.EVENT_NOTIFICATION, events.type());
        assertEquals(SubscriptionStatus.ACTIVE, events.status());
        assertEquals(
                List.of(1L),
                events.events().stream().map(SubscriptionEvent::getNumber).toList());
        deliveries().delivered(events);
        assertTrue(deliveries().claimDue(10).isEmpty(), "nothing due until the heartbeat");

        clinic.later(Duration.ofSeconds(60));
        SubscriptionNotification heartbeat = claimOne();
        assertEquals(NotificationType.HEARTBEAT, heartbeat.type());
        assertEquals(1, heartbeat.eventsSinceStart());
        assertEquals(id, heartbeat.subscriptionId());
    }

    @Test
    void aFailingEndpointIsRetriedWithBackOffAndTheSubscriptionIsInErrorAfterTheLastAttempt() {
        String id = subscribe(MessageFilter.everything(), null);
        deliveries().failed(claimOne());
        assertTrue(deliveries().claimDue(10).isEmpty(), "not before the first delay");
        clinic.later(Duration.ofSeconds(1));
        deliveries().failed(claimOne());
        clinic.later(Duration.ofSeconds(1));
        assertTrue(deliveries().claimDue(10).isEmpty(), "the delay doubled");
        clinic.later(Duration.ofSeconds(1));
        deliveries().failed(claimOne());
        clinic.later(Duration.ofHours(1));
        assertTrue(deliveries().claimDue(10).isEmpty());
        assertEquals(SubscriptionStatus.ERROR, service().read(id).getStatus());
    }

    @Test
    void aLapsedClaimIsTakenAgainAndItsLateOutcomeIgnored() {
        String id = subscribe(MessageFilter.everything(), null);
        SubscriptionNotification lapsed = claimOne();
        clinic.later(DefaultSubscriptionDeliveries.CLAIM);
        SubscriptionNotification again = claimOne();
        deliveries().failed(lapsed);
        deliveries().delivered(again);
        assertEquals(SubscriptionStatus.ACTIVE, service().read(id).getStatus());
    }

    @Test
    void eventsAreQueriedByNumberAndASubscriptionIsItsOwnersOnly() {
        String id = subscribe(MessageFilter.everything(), null);
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        send(thread);
        send(thread);
        send(thread);
        clinic.actAs("engine");
        assertEquals(
                List.of(2L, 3L),
                service().events(id, 2L, null).events().stream()
                        .map(SubscriptionEvent::getNumber)
                        .toList());
        assertEquals(NotificationType.QUERY_EVENT, service().events(id, 2L, 2L).type());
        assertEquals(1, service().events(id, 2L, 2L).events().size());
        assertThrows(InvalidRequestException.class, () -> service().events(id, 3L, 1L));

        clinic.actAs("another-engine");
        assertThrows(NotFoundException.class, () -> service().read(id));
        assertTrue(service().mine().isEmpty());
        assertThrows(NotFoundException.class, () -> service().delete(id));
        clinic.actAs("engine");
        service().delete(id);
        assertThrows(NotFoundException.class, () -> service().read(id));
    }

    @Test
    void anEndpointNotAllowedIsRefused() {
        clinic.actAs("engine");
        for (String endpoint : List.of(
                "https://ehr.example/elsewhere",
                "http://ehr.example/missive/hook",
                "https://ehr.example.evil/missive",
                "https://ehr.example/missiveX",
                "not a url")) {
            RuleViolationException refused = assertThrows(
                    RuleViolationException.class,
                    () -> service().create(new NewSubscription(endpoint, MessageFilter.everything(), null)),
                    endpoint);
            assertEquals(Rule.SUBSCRIPTION_ENDPOINT_NOT_ALLOWED, refused.rule());
        }
        assertTrue(service().mine().isEmpty());
    }

    private String subscribe(MessageFilter filter, Integer heartbeat) {
        clinic.actAs("engine");
        return service()
                .create(new NewSubscription(ENDPOINT, filter, heartbeat))
                .getId();
    }

    private String send(String thread) {
        return clinic.bean(SendingService.class)
                .send(new NewMessage(thread, "Hello", null))
                .getId();
    }

    private List<String> messages(String subscription) {
        return service().events(subscription, null, null).events().stream()
                .map(SubscriptionEvent::getMessageId)
                .toList();
    }

    private List<Long> numbers(String subscription) {
        return service().events(subscription, null, null).events().stream()
                .map(SubscriptionEvent::getNumber)
                .toList();
    }

    private SubscriptionNotification claimOne() {
        List<SubscriptionNotification> due = deliveries().claimDue(10);
        assertEquals(1, due.size());
        return due.get(0);
    }

    private SubscriptionService service() {
        return clinic.bean(SubscriptionService.class);
    }

    private SubscriptionDeliveries deliveries() {
        return clinic.bean(SubscriptionDeliveries.class);
    }
}
