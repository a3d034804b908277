package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.policy.ClinicPolicy;
import dev.missive.subscription.MessageFilter;
import dev.missive.subscription.NewSubscription;
import dev.missive.subscription.TopicSubscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * A topic-based Subscription as the Subscriptions R5 Backport IG writes it on R4: the topic's
 * canonical in {@code criteria}, filters in its {@code backport-filter-criteria} extensions
 * ({@code Communication?recipient=Practitioner/drlee}, {@code recipient=Organization/clinic},
 * {@code patient=Patient/alice}), a rest-hook channel with id-only payloads and an optional
 * heartbeat period.
 */
public final class SubscriptionMapper {

    static final String FHIR_JSON = "application/fhir+json";
    static final String ID_ONLY = "id-only";
    private static final String FILTERED_TYPE = "Communication?";
    private static final String RECIPIENT = "recipient";
    private static final String PATIENT = "patient";

    private SubscriptionMapper() {}

    public static NewSubscription fromFhir(Subscription subscription) {
        if (!MissiveFhir.MESSAGE_SENT_TOPIC.equals(subscription.getCriteria())) {
            throw new InvalidRequestException("Subscription.criteria is the topic " + MissiveFhir.MESSAGE_SENT_TOPIC);
        }
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        if (channel.getType() != SubscriptionChannelType.RESTHOOK || !channel.hasEndpoint()) {
            throw new InvalidRequestException("Subscription.channel is a rest-hook with an endpoint");
        }
        if (channel.hasPayload() && !FHIR_JSON.equals(channel.getPayload())) {
            throw new InvalidRequestException("Subscription.channel.payload is " + FHIR_JSON);
        }
        Extension content = channel.getPayloadElement().getExtensionByUrl(MissiveFhir.BACKPORT_PAYLOAD_CONTENT);
        if (content != null && !ID_ONLY.equals(content.getValue().primitiveValue())) {
            throw new InvalidRequestException("Notifications are id-only: they carry references, never resources");
        }
        Extension heartbeat = channel.getExtensionByUrl(MissiveFhir.BACKPORT_HEARTBEAT_PERIOD);
        Integer heartbeatSeconds = heartbeat == null || !(heartbeat.getValue() instanceof UnsignedIntType period)
                ? null
                : period.getValue();
        return new NewSubscription(
                channel.getEndpoint(),
                filter(subscription.getCriteriaElement().getExtensionsByUrl(MissiveFhir.BACKPORT_FILTER_CRITERIA)),
                heartbeatSeconds);
    }

    public static Subscription toFhir(TopicSubscription subscription) {
        Subscription fhir = new Subscription();
        fhir.setId(subscription.getId());
        fhir.setStatus(status(subscription.getStatus()));
        fhir.setReason("Messages sent");
        fhir.setCriteria(MissiveFhir.MESSAGE_SENT_TOPIC);
        for (String criteria : criteria(subscription.getFilter())) {
            fhir.getCriteriaElement().addExtension(MissiveFhir.BACKPORT_FILTER_CRITERIA, new StringType(criteria));
        }
        Subscription.SubscriptionChannelComponent channel = fhir.getChannel();
        channel.setType(SubscriptionChannelType.RESTHOOK).setEndpoint(subscription.getEndpoint());
        channel.setPayload(FHIR_JSON);
        channel.getPayloadElement().addExtension(MissiveFhir.BACKPORT_PAYLOAD_CONTENT, new CodeType(ID_ONLY));
        if (subscription.getHeartbeatSeconds() != null) {
            channel.addExtension(
                    MissiveFhir.BACKPORT_HEARTBEAT_PERIOD, new UnsignedIntType(subscription.getHeartbeatSeconds()));
        }
        return fhir;
    }

    public static SubscriptionStatus status(dev.missive.subscription.SubscriptionStatus status) {
        return switch (status) {
            case REQUESTED -> SubscriptionStatus.REQUESTED;
            case ACTIVE -> SubscriptionStatus.ACTIVE;
            case ERROR -> SubscriptionStatus.ERROR;
        };
    }

    /** Every filter criteria string's parameters, together: each at most once. */
    private static MessageFilter filter(List<Extension> criteria) {
        Map<String, String> parameters = new HashMap<>();
        for (Extension extension : criteria) {
            String text =
                    extension.getValue() == null ? "" : extension.getValue().primitiveValue();
            if (text == null || !text.startsWith(FILTERED_TYPE)) {
                throw new InvalidRequestException(
                        "A filter criteria is a Communication search: " + FILTERED_TYPE + "...");
            }
            for (String parameter : text.substring(FILTERED_TYPE.length()).split("&")) {
                String[] nameValue = parameter.split("=", 2);
                if (nameValue.length != 2
                        || !(RECIPIENT.equals(nameValue[0]) || PATIENT.equals(nameValue[0]))
                        || parameters.put(nameValue[0], nameValue[1]) != null) {
                    throw new InvalidRequestException(
                            "Filters are recipient (a Practitioner or Organization/clinic) and patient, each at most once");
                }
            }
        }
        String recipient = parameters.get(RECIPIENT);
        String patient = parameters.get(PATIENT);
        boolean clinic = ("Organization/" + ClinicPolicy.SINGLETON_ID).equals(recipient);
        if (recipient != null && !clinic && !recipient.matches("Practitioner/[A-Za-z0-9.\\-]{1,64}")
                || patient != null && !patient.matches("Patient/[A-Za-z0-9.\\-]{1,64}")) {
            throw new InvalidRequestException(
                    "A recipient filter is Practitioner/{id} or Organization/clinic, a patient filter Patient/{id}");
        }
        return new MessageFilter(
                recipient == null || clinic ? null : recipient.substring("Practitioner/".length()),
                clinic,
                patient == null ? null : patient.substring("Patient/".length()));
    }

    private static List<String> criteria(MessageFilter filter) {
        List<String> criteria = new ArrayList<>();
        if (filter.getRecipientPractitioner() != null) {
            criteria.add(FILTERED_TYPE + RECIPIENT + "=Practitioner/" + filter.getRecipientPractitioner());
        }
        if (filter.isRecipientClinic()) {
            criteria.add(FILTERED_TYPE + RECIPIENT + "=Organization/" + ClinicPolicy.SINGLETON_ID);
        }
        if (filter.getPatientId() != null) {
            criteria.add(FILTERED_TYPE + PATIENT + "=Patient/" + filter.getPatientId());
        }
        return criteria;
    }
}
