package dev.missive.fhir.conformance;

import static dev.missive.fhir.conformance.ConformanceValidator.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.missive.domain.CareTeam;
import dev.missive.domain.Conversation;
import dev.missive.domain.Message;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import dev.missive.domain.Patient;
import dev.missive.domain.Person;
import dev.missive.domain.Practitioner;
import dev.missive.domain.ThreadView;
import dev.missive.fhir.mapping.CareTeamMapper;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.fhir.mapping.PatientMapper;
import dev.missive.fhir.mapping.PractitionerMapper;
import dev.missive.fhir.server.ServiceExceptionInterceptor;
import dev.missive.service.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** What the mappers return is what the server returns: each must validate against base R4 and Missive's definitions. */
class MappedResourcesValidateTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aThreadHeaderWithTheCallersState() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "test-results", NOW);
        conversation.setTopic("Blood test");
        conversation.setConfidential(true);
        Participant participant = new Participant(conversation.getId(), Party.practitioner("drlee"), NOW);
        participant.messageArrived(NOW, false);
        Communication header = CommunicationMapper.toFhir(new ThreadView(conversation, participant));
        assertEquals(1, header.getExtension().size(), "the participant-state extension is what gets validated");
        assertValid(header);
    }

    @Test
    void aMessageAnsweringAnother() {
        Message message = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Hello", "m0", NOW);
        assertValid(CommunicationMapper.toFhir(message));
    }

    @Test
    void aBodyIsValidatedAsSent() {
        Message message = new Message("t1", Party.practitioner("drlee"), Party.patient("alice"), "Hi", null, NOW);
        String body = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(CommunicationMapper.toFhir(message));
        assertValid(body);
        assertThrows(AssertionError.class, () -> assertValid(body.replace("\"status\":\"completed\",", "")),
                "Communication.status is required");
    }

    @Test
    void aPatientWithEveryElementTheMapperWrites() {
        Patient patient = person(new Patient("alice"), "Alice", "Moreau");
        patient.setBirthDate(LocalDate.of(1990, 4, 2));
        patient.setDoNotEmail(true);
        patient.setLocale("fr-CA");
        assertValid(PatientMapper.toFhir(patient));
    }

    @Test
    void aPractitioner() {
        Practitioner practitioner = person(new Practitioner("drlee"), "Emma", "Lee");
        practitioner.setEmailNotifications(true);
        assertValid(PractitionerMapper.toFhir(practitioner));
    }

    @Test
    void aCareTeam() {
        CareTeam careTeam = new CareTeam("alice-care");
        careTeam.setPatientId("alice");
        careTeam.setName("Alice's care team");
        careTeam.getPractitionerIds().add("drlee");
        careTeam.touch(NOW);
        assertValid(CareTeamMapper.toFhir(careTeam));
    }

    @Test
    void theOutcomeOfABrokenRule() {
        BaseServerResponseException response = new ServiceExceptionInterceptor()
                .translate(new RuleViolationException("thread-closed", "The thread is closed"));
        OperationOutcome outcome = (OperationOutcome) response.getOperationOutcome();
        assertEquals("thread-closed", outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
        assertValid(outcome);
    }

    /** A directory entry with a portal account, names and an email, as the integration engine sends them. */
    private static <T extends Person> T person(T person, String given, String family) {
        person.setPortalUsername(person.getId());
        person.setGivenName(given);
        person.setFamilyName(family);
        person.setEmail(person.getId() + "@example.com");
        person.touch(NOW);
        return person;
    }
}
