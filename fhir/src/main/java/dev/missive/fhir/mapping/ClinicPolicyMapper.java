package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.policy.ClinicPolicy;
import dev.missive.policy.EligibilityBasis;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The clinic's policy as the one Organization (id {@code clinic}) with Missive's extensions:
 * the clinic admin reads and PUTs it like any resource. Settings left out of a PUT keep their
 * defaults, so an admin can send only what they change from the defaults.
 */
public final class ClinicPolicyMapper {

    private static final String UCUM = "http://unitsofmeasure.org";

    private ClinicPolicyMapper() {}

    public static Organization toFhir(ClinicPolicy policy) {
        Organization clinic = new Organization();
        VersionIds.setMeta(clinic, ClinicPolicy.SINGLETON_ID, policy.getVersion(), policy.getLastUpdated());
        clinic.setActive(true);
        clinic.setName(policy.getClinicName());
        clinic.addExtension(MissiveFhir.POLICY_MESSAGING_ENABLED, new BooleanType(policy.isMessagingEnabled()));
        clinic.addExtension(MissiveFhir.POLICY_PATIENTS_MAY_START, new BooleanType(policy.isPatientsMayStart()));
        clinic.addExtension(
                MissiveFhir.POLICY_ELIGIBILITY_BASIS,
                new CodeType(policy.getEligibilityBasis()
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-')));
        clinic.addExtension(
                MissiveFhir.POLICY_APPOINTMENT_WINDOW_DAYS, new IntegerType(policy.getAppointmentWindowDays()));
        policy.getMessageTypes()
                .forEach(type -> clinic.addExtension(MissiveFhir.POLICY_OFFERED_MESSAGE_TYPE, new CodeType(type)));
        clinic.addExtension(MissiveFhir.POLICY_ATTACHMENTS_ALLOWED, new BooleanType(policy.isAttachmentsAllowed()));
        org.hl7.fhir.r4.model.Duration window = new org.hl7.fhir.r4.model.Duration();
        window.setValue(policy.getRetractWindow().toSeconds())
                .setUnit("s")
                .setSystem(UCUM)
                .setCode("s");
        clinic.addExtension(MissiveFhir.POLICY_RETRACT_WINDOW, window);
        clinic.addExtension(
                MissiveFhir.POLICY_RESPONSE_BUSINESS_DAYS, new IntegerType(policy.getResponseBusinessDays()));
        if (policy.getGuidelines() != null) {
            clinic.addExtension(MissiveFhir.POLICY_GUIDELINES, new StringType(policy.getGuidelines()));
        }
        policy.getEmergencyNumbers().forEach((locale, number) -> {
            Extension emergency = clinic.addExtension().setUrl(MissiveFhir.POLICY_EMERGENCY_NUMBER);
            emergency.addExtension("locale", new CodeType(locale));
            emergency.addExtension("number", new StringType(number));
        });
        return clinic;
    }

    public static ClinicPolicy fromFhir(Organization clinic) {
        ClinicPolicy policy = new ClinicPolicy();
        if (clinic.hasName()) {
            policy.setClinicName(clinic.getName());
        }
        value(clinic, MissiveFhir.POLICY_MESSAGING_ENABLED, BooleanType.class)
                .ifPresent(v -> policy.setMessagingEnabled(v.booleanValue()));
        value(clinic, MissiveFhir.POLICY_PATIENTS_MAY_START, BooleanType.class)
                .ifPresent(v -> policy.setPatientsMayStart(v.booleanValue()));
        value(clinic, MissiveFhir.POLICY_ELIGIBILITY_BASIS, CodeType.class)
                .ifPresent(v -> policy.setEligibilityBasis(basis(v.getValue())));
        value(clinic, MissiveFhir.POLICY_APPOINTMENT_WINDOW_DAYS, IntegerType.class)
                .ifPresent(v -> policy.setAppointmentWindowDays(v.getValue()));
        if (!clinic.getExtensionsByUrl(MissiveFhir.POLICY_OFFERED_MESSAGE_TYPE).isEmpty()) {
            policy.getMessageTypes().clear();
            for (Extension offered : clinic.getExtensionsByUrl(MissiveFhir.POLICY_OFFERED_MESSAGE_TYPE)) {
                if (offered.getValue() == null || offered.getValue().primitiveValue() == null) {
                    throw new InvalidRequestException("Each offered-message-type extension has a code");
                }
                policy.getMessageTypes().add(offered.getValue().primitiveValue());
            }
        }
        value(clinic, MissiveFhir.POLICY_ATTACHMENTS_ALLOWED, BooleanType.class)
                .ifPresent(v -> policy.setAttachmentsAllowed(v.booleanValue()));
        value(clinic, MissiveFhir.POLICY_RETRACT_WINDOW, org.hl7.fhir.r4.model.Duration.class)
                .ifPresent(v -> policy.setRetractWindow(seconds(v)));
        value(clinic, MissiveFhir.POLICY_RESPONSE_BUSINESS_DAYS, IntegerType.class)
                .ifPresent(v -> policy.setResponseBusinessDays(v.getValue()));
        value(clinic, MissiveFhir.POLICY_GUIDELINES, StringType.class)
                .ifPresent(v -> policy.setGuidelines(v.getValue()));
        if (!clinic.getExtensionsByUrl(MissiveFhir.POLICY_EMERGENCY_NUMBER).isEmpty()) {
            policy.getEmergencyNumbers().clear();
            for (Extension emergency : clinic.getExtensionsByUrl(MissiveFhir.POLICY_EMERGENCY_NUMBER)) {
                Extension locale = Extensions.single(emergency, "locale");
                Extension number = Extensions.single(emergency, "number");
                if (locale == null || number == null || !locale.hasValue() || !number.hasValue()) {
                    throw new InvalidRequestException("An emergency-number needs a locale and a number");
                }
                policy.getEmergencyNumbers()
                        .put(
                                locale.getValue().primitiveValue(),
                                number.getValue().primitiveValue());
            }
        }
        return policy;
    }

    private static <T extends Type> Optional<T> value(Organization clinic, String url, Class<T> type) {
        Extension extension = Extensions.single(clinic, url);
        if (extension == null) {
            return Optional.empty();
        }
        if (!type.isInstance(extension.getValue()) || extension.getValue().isEmpty()) {
            throw new InvalidRequestException(
                    url + " must have a value of type " + type.getSimpleName().replace("Type", ""));
        }
        return Optional.of(type.cast(extension.getValue()));
    }

    private static EligibilityBasis basis(String code) {
        return switch (code == null ? "" : code) {
            case "care-team" -> EligibilityBasis.CARE_TEAM;
            case "appointment" -> EligibilityBasis.APPOINTMENT;
            default -> throw new InvalidRequestException("eligibility-basis is care-team or appointment");
        };
    }

    private static Duration seconds(org.hl7.fhir.r4.model.Duration window) {
        if (!window.hasValue()) {
            throw new InvalidRequestException("retract-window needs a value");
        }
        long amount = window.getValue().longValue();
        return switch (window.hasCode() ? window.getCode() : "s") {
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new InvalidRequestException("retract-window is in s, min or h (UCUM)");
        };
    }
}
