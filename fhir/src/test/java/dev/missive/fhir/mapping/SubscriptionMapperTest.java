package dev.missive.fhir.mapping;

import static dev.missive.fhir.conformance.ConformanceValidator.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.subscription.MessageFilter;
import dev.missive.subscription.NewSubscription;
import dev.missive.subscription.NotificationType;
import dev.missive.subscription.SubscriptionEvent;
import dev.missive.subscription.SubscriptionNotification;
import dev.missive.subscription.SubscriptionStatus;
import dev.missive.subscription.TopicSubscription;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;

/** Subscriptions in and out as the backport IG writes them on R4, and notifications that carry ids only. */
class SubscriptionMapperTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aBackportSubscriptionWithFiltersAndAHeartbeatMapsBothWays() {
        Subscription fhir = subscription("Communication?recipient=Practitioner/drlee&patient=Patient/alice");
        fhir.getChannel().addExtension(MissiveFhir.BACKPORT_HEARTBEAT_PERIOD, new UnsignedIntType(60));
        NewSubscription request = SubscriptionMapper.fromFhir(fhir);
        assertEquals(new MessageFilter("drlee", false, "alice"), request.filter());
        assertEquals(60, request.heartbeatSeconds());
        assertEquals("https://ehr.example/hook", request.endpoint());

        Subscription out = SubscriptionMapper.toFhir(new TopicSubscription("s1", "engine", request, NOW));
        assertEquals(Subscription.SubscriptionStatus.REQUESTED, out.getStatus());
        assertEquals(request, SubscriptionMapper.fromFhir(out), "what is returned reads back the same");
        assertValid(out);
    }

    @Test
    void theClinicAsRecipientAndNoFilterAtAll() {
        assertEquals(
                new MessageFilter(null, true, null),
                SubscriptionMapper.fromFhir(subscription("Communication?recipient=Organization/clinic"))
                        .filter());
        Subscription everything = subscription(null);
        assertEquals(
                MessageFilter.everything(),
                SubscriptionMapper.fromFhir(everything).filter());
        assertNull(SubscriptionMapper.fromFhir(everything).heartbeatSeconds());
    }

    @Test
    void whatMissiveCannotHonourIsRefused() {
        for (String filter : List.of(
                "Communication?recipient=Organization/elsewhere",
                "Communication?recipient=Patient/alice",
                "Communication?category=test-results",
                "Patient?patient=Patient/alice",
                "Communication?patient=Patient/alice&patient=Patient/ben")) {
            assertThrows(
                    InvalidRequestException.class, () -> SubscriptionMapper.fromFhir(subscription(filter)), filter);
        }
        Subscription otherTopic = subscription(null).setCriteria("Communication?status=completed");
        assertThrows(InvalidRequestException.class, () -> SubscriptionMapper.fromFhir(otherTopic));
        Subscription fullResource = subscription(null);
        fullResource.getChannel().getPayloadElement().getExtension().clear();
        fullResource
                .getChannel()
                .getPayloadElement()
                .addExtension(MissiveFhir.BACKPORT_PAYLOAD_CONTENT, new CodeType("full-resource"));
        assertThrows(InvalidRequestException.class, () -> SubscriptionMapper.fromFhir(fullResource));
        Subscription email = subscription(null);
        email.getChannel().setType(Subscription.SubscriptionChannelType.EMAIL);
        assertThrows(InvalidRequestException.class, () -> SubscriptionMapper.fromFhir(email));
    }

    @Test
    void aNotificationIsAHistoryBundleWhoseFirstEntryIsTheStatusWithNumberedEventsAndIdsOnly() {
        SubscriptionNotification notification = new SubscriptionNotification(
                "s1",
                "https://ehr.example/hook",
                SubscriptionStatus.ACTIVE,
                NotificationType.EVENT_NOTIFICATION,
                7,
                List.of(new SubscriptionEvent("s1", 6, "m6", NOW), new SubscriptionEvent("s1", 7, "m7", NOW)),
                NOW);
        Bundle bundle = SubscriptionNotificationMapper.notification(notification, NOW);
        assertEquals(Bundle.BundleType.HISTORY, bundle.getType());
        assertEquals(1, bundle.getEntry().size(), "id-only: no resource but the status");
        Parameters status = (Parameters) bundle.getEntryFirstRep().getResource();
        assertEquals(
                "Subscription/s1",
                ((Reference) status.getParameter("subscription").getValue()).getReference());
        assertEquals(
                MissiveFhir.MESSAGE_SENT_TOPIC,
                status.getParameter("topic").getValue().primitiveValue());
        assertEquals("active", status.getParameter("status").getValue().primitiveValue());
        assertEquals(
                "event-notification", status.getParameter("type").getValue().primitiveValue());
        assertEquals(
                "7",
                status.getParameter("events-since-subscription-start")
                        .getValue()
                        .primitiveValue());
        List<Parameters.ParametersParameterComponent> events = status.getParameter().stream()
                .filter(parameter -> parameter.getName().equals("notification-event"))
                .toList();
        assertEquals(2, events.size());
        assertEquals("6", ((StringType) events.get(0).getPartFirstRep().getValue()).getValue());
        assertEquals(
                "Communication/m7", ((Reference) events.get(1).getPart().get(2).getValue()).getReference());
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
        assertFalse(json.contains("\"resourceType\":\"Communication\""));
        assertValid(bundle);
    }

    @Test
    void aStatusQueryIsASearchsetOfTheStatus() {
        Bundle bundle = SubscriptionNotificationMapper.statusQuery(
                new SubscriptionNotification(
                        "s1",
                        "https://ehr.example/hook",
                        SubscriptionStatus.ERROR,
                        NotificationType.QUERY_STATUS,
                        3,
                        List.of(),
                        null),
                NOW);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        Parameters status = (Parameters) bundle.getEntryFirstRep().getResource();
        assertEquals("error", status.getParameter("status").getValue().primitiveValue());
        assertEquals("query-status", status.getParameter("type").getValue().primitiveValue());
        assertTrue(bundle.getEntryFirstRep().getSearch().hasMode());
        assertValid(bundle);
    }

    private static Subscription subscription(String filter) {
        Subscription fhir = new Subscription();
        fhir.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        fhir.setReason("In-basket");
        fhir.setCriteria(MissiveFhir.MESSAGE_SENT_TOPIC);
        if (filter != null) {
            fhir.getCriteriaElement().addExtension(MissiveFhir.BACKPORT_FILTER_CRITERIA, new StringType(filter));
        }
        fhir.getChannel()
                .setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint("https://ehr.example/hook")
                .setPayload("application/fhir+json");
        fhir.getChannel()
                .getPayloadElement()
                .addExtension(MissiveFhir.BACKPORT_PAYLOAD_CONTENT, new CodeType("id-only"));
        return fhir;
    }
}
