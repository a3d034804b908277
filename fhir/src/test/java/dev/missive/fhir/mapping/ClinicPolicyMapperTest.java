package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.policy.ClinicPolicy;
import dev.missive.policy.EligibilityBasis;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class ClinicPolicyMapperTest {

    @Test
    void whatAnAdminReadsTheyCanPutBackUnchanged() {
        ClinicPolicy policy = new ClinicPolicy();
        policy.setMessagingEnabled(true);
        policy.setEligibilityBasis(EligibilityBasis.APPOINTMENT);
        policy.setAppointmentWindowDays(90);
        policy.setRetractWindow(Duration.ofMinutes(10));
        policy.getMessageTypes().remove("billing");
        ClinicPolicy back = ClinicPolicyMapper.fromFhir(ClinicPolicyMapper.toFhir(policy));
        assertTrue(back.isMessagingEnabled());
        assertEquals(EligibilityBasis.APPOINTMENT, back.getEligibilityBasis());
        assertEquals(90, back.getAppointmentWindowDays());
        assertEquals(Duration.ofMinutes(10), back.getRetractWindow());
        assertEquals(policy.getMessageTypes(), back.getMessageTypes());
        assertEquals(policy.getEmergencyNumbers(), back.getEmergencyNumbers());
    }

    @Test
    void settingsLeftOutKeepTheirDefaults() {
        ClinicPolicy policy = ClinicPolicyMapper.fromFhir(new Organization().setName("Clinic"));
        assertFalse(policy.isMessagingEnabled(), "messaging stays off until switched on");
        assertEquals(Duration.ofMinutes(5), policy.getRetractWindow());
        assertEquals("999", policy.emergencyNumberFor("en-GB"));
        assertEquals("112", policy.emergencyNumberFor("fr-FR"));
    }

    @Test
    void repeatedSettingsReplaceTheDefaults() {
        Organization clinic = new Organization();
        clinic.addExtension(MissiveFhir.POLICY_OFFERED_MESSAGE_TYPE, new CodeType("general"));
        clinic.addExtension(MissiveFhir.POLICY_OFFERED_MESSAGE_TYPE, new CodeType("referral"));
        Extension emergency = clinic.addExtension().setUrl(MissiveFhir.POLICY_EMERGENCY_NUMBER);
        emergency.addExtension("locale", new CodeType("en-IE"));
        emergency.addExtension("number", new StringType("112"));
        ClinicPolicy policy = ClinicPolicyMapper.fromFhir(clinic);
        assertEquals(Set.of("general", "referral"), policy.getMessageTypes());
        assertEquals(Map.of("en-IE", "112"), policy.getEmergencyNumbers());
    }

    @Test
    void wrongValuesAreRefused() {
        Organization clinic = new Organization();
        clinic.addExtension(MissiveFhir.POLICY_ELIGIBILITY_BASIS, new CodeType("whoever"));
        assertThrows(InvalidRequestException.class, () -> ClinicPolicyMapper.fromFhir(clinic));
        Organization wrongType = new Organization();
        wrongType.addExtension(MissiveFhir.POLICY_MESSAGING_ENABLED, new StringType("yes"));
        assertThrows(InvalidRequestException.class, () -> ClinicPolicyMapper.fromFhir(wrongType));
    }
}
