package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

/**
 * What the fuzzer (benchmark/fuzz.sh) sent that the mappers answered with a NullPointerException
 * or HAPI's IllegalArgumentException, a 500: an extension Missive takes once given twice, a code
 * or a valueBoolean that is null. The client's error: a 400 (InvalidRequestException), or, where
 * nothing is lost, read as if left out. Parsed from JSON, as the server parses what it is sent.
 */
class ClientInputTest {

    private static final String SD = "https://missive.dev/fhir/StructureDefinition/";
    private static final String HEADER = """
            {"resourceType": "Communication", "status": "in-progress",
             "category": [{"coding": [{"system": "https://missive.dev/fhir/CodeSystem/message-type", "code": %s}]}],
             "subject": {"reference": "Patient/alice"}, "recipient": [{"reference": "Practitioner/drlee"}],
             "extension": [%s]}""";
    private static final String RESPONDER =
            "{\"url\": \"responder\", \"valueReference\": {\"reference\": \"Practitioner/drlee\"}}";
    private static final String METHOD = "{\"url\": \"method\", \"valueCoding\": {\"system\":"
            + " \"http://terminology.hl7.org/CodeSystem/v3-ParticipationMode\", \"code\": %s}}";

    @Test
    void aThreadWhoseMessageTypeCodeIsNullIs400() {
        Communication header = parse(Communication.class, HEADER.formatted("null", ""));

        assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newThread(header));
    }

    @Test
    void aResponsePreferenceGivenTwiceOrWithARespondersTwiceIs400() {
        String preference = "{\"url\": \"" + SD + "response-preference\", \"extension\": [%s]}";
        for (String extensions : new String[] {
            preference.formatted(RESPONDER) + "," + preference.formatted(RESPONDER),
            preference.formatted(RESPONDER + "," + RESPONDER),
            preference.formatted(METHOD.formatted("null")),
            "{\"url\": \"" + SD + "billing-consent\", \"valueReference\": {\"reference\": \"Consent/a\"}},"
                    + "{\"url\": \"" + SD + "billing-consent\", \"valueReference\": {\"reference\": \"Consent/b\"}}"
        }) {
            Communication header = parse(Communication.class, HEADER.formatted("\"general\"", extensions));

            assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newThread(header), extensions);
        }
    }

    @Test
    void aClinicSettingGivenTwiceOrWithoutAValueIs400() {
        String messaging = "{\"url\": \"" + SD + "messaging-enabled\", \"valueBoolean\": %s}";
        for (String extensions : new String[] {
            messaging.formatted("true") + "," + messaging.formatted("false"),
            messaging.formatted("null"),
            "{\"url\": \"" + SD + "offered-message-type\"}"
        }) {
            Organization clinic = parse(
                    Organization.class,
                    "{\"resourceType\": \"Organization\", \"id\": \"clinic\", \"extension\": [" + extensions + "]}");

            assertThrows(InvalidRequestException.class, () -> ClinicPolicyMapper.fromFhir(clinic), extensions);
        }
    }

    @Test
    void aDirectoryFlagOrMessageTypeWithoutAValueIs400() {
        Practitioner practitioner = parse(Practitioner.class, """
                {"resourceType": "Practitioner", "extension": [
                  {"url": "%semail-notifications", "valueBoolean": null}]}""".formatted(SD));
        PractitionerRole charging = parse(PractitionerRole.class, """
                {"resourceType": "PractitionerRole", "practitioner": {"reference": "Practitioner/drlee"},
                 "extension": [{"url": "%scharges-for-messages", "valueBoolean": null}]}""".formatted(SD));
        PractitionerRole typed = parse(PractitionerRole.class, """
                {"resourceType": "PractitionerRole", "practitioner": {"reference": "Practitioner/drlee"},
                 "extension": [{"url": "%smessage-types", "valueCode": null}]}""".formatted(SD));

        assertThrows(InvalidRequestException.class, () -> PractitionerMapper.fromFhir(practitioner, "p"));
        assertThrows(InvalidRequestException.class, () -> PractitionerRoleMapper.fromFhir(charging, "r"));
        assertThrows(InvalidRequestException.class, () -> PractitionerRoleMapper.fromFhir(typed, "r"));
    }

    @Test
    void aGivenNameThatIsNullIsLeftOut() {
        Practitioner practitioner = parse(
                Practitioner.class,
                "{\"resourceType\": \"Practitioner\", \"name\": [{\"given\": [\"Emma\", null], \"family\": \"Lee\"}]}");

        assertEquals("Emma", PractitionerMapper.fromFhir(practitioner, "p").getGivenName());
    }

    private static <T extends IBaseResource> T parse(Class<T> type, String json) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(type, json);
    }
}
