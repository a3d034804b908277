package dev.missive.fhir.mapping;

import dev.missive.fhir.MissiveFhir;
import dev.missive.subscription.NotificationType;
import dev.missive.subscription.SubscriptionEvent;
import dev.missive.subscription.SubscriptionNotification;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A subscription notification as the backport IG shapes it on R4: a Bundle whose first entry is
 * the subscription status, a {@code Parameters} (subscription, topic, status, type,
 * events-since-subscription-start, one notification-event per event with its number, timestamp
 * and focus). Id-only: the focus is a reference to the message's Communication, and the Bundle
 * carries no other resource, so no health information leaves in a notification.
 */
public final class SubscriptionNotificationMapper {

    private SubscriptionNotificationMapper() {}

    /** A notification to post, or the answer to {@code $events}: a history Bundle. */
    public static Bundle notification(SubscriptionNotification notification, Instant now) {
        return bundle(notification, Bundle.BundleType.HISTORY, now);
    }

    /** The answer to {@code $status}: a searchset of the one status. */
    public static Bundle statusQuery(SubscriptionNotification notification, Instant now) {
        Bundle bundle = bundle(notification, Bundle.BundleType.SEARCHSET, now);
        bundle.setTotal(1);
        Bundle.BundleEntryComponent entry = bundle.getEntryFirstRep();
        entry.setRequest(null).setResponse(null);
        entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        return bundle;
    }

    private static Bundle bundle(SubscriptionNotification notification, Bundle.BundleType type, Instant now) {
        Bundle bundle = new Bundle().setType(type);
        bundle.setId(UUID.randomUUID().toString());
        bundle.setTimestamp(Date.from(now));
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(status(notification))
                .setRequest(new Bundle.BundleEntryRequestComponent()
                        .setMethod(Bundle.HTTPVerb.GET)
                        .setUrl("Subscription/" + notification.subscriptionId() + "/$status"))
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        return bundle;
    }

    static Parameters status(SubscriptionNotification notification) {
        Parameters status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.addParameter()
                .setName("subscription")
                .setValue(new Reference("Subscription/" + notification.subscriptionId()));
        status.addParameter().setName("topic").setValue(new CanonicalType(MissiveFhir.MESSAGE_SENT_TOPIC));
        status.addParameter()
                .setName("status")
                .setValue(new CodeType(
                        SubscriptionMapper.status(notification.status()).toCode()));
        status.addParameter().setName("type").setValue(new CodeType(code(notification.type())));
        status.addParameter()
                .setName("events-since-subscription-start")
                .setValue(new StringType(Long.toString(notification.eventsSinceStart())));
        for (SubscriptionEvent event : notification.events()) {
            Parameters.ParametersParameterComponent part = status.addParameter().setName("notification-event");
            part.addPart().setName("event-number").setValue(new StringType(Long.toString(event.getNumber())));
            part.addPart().setName("timestamp").setValue(new InstantType(Date.from(event.getOccurred())));
            part.addPart().setName("focus").setValue(new Reference("Communication/" + event.getMessageId()));
        }
        return status;
    }

    /** {@code EVENT_NOTIFICATION} is {@code event-notification}. */
    static String code(NotificationType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
