package dev.missive.fhir.conformance;

import static dev.missive.fhir.conformance.ConformanceValidator.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Appointment;
import dev.missive.directory.CareTeam;
import dev.missive.directory.Consent;
import dev.missive.directory.EpisodeOfCare;
import dev.missive.directory.Patient;
import dev.missive.directory.Period;
import dev.missive.directory.Person;
import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRole;
import dev.missive.directory.RelatedPerson;
import dev.missive.domain.Party;
import dev.missive.eligibility.AwayNotice;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.mapping.AppointmentMapper;
import dev.missive.fhir.mapping.CareTeamMapper;
import dev.missive.fhir.mapping.ClinicPolicyMapper;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.fhir.mapping.ConsentMapper;
import dev.missive.fhir.mapping.EpisodeOfCareMapper;
import dev.missive.fhir.mapping.PatientMapper;
import dev.missive.fhir.mapping.PractitionerMapper;
import dev.missive.fhir.mapping.PractitionerRoleMapper;
import dev.missive.fhir.mapping.RelatedPersonMapper;
import dev.missive.fhir.server.ServiceExceptionInterceptor;
import dev.missive.policy.ClinicPolicy;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.thread.Conversation;
import dev.missive.thread.Message;
import dev.missive.thread.Participant;
import dev.missive.thread.ThreadChange;
import dev.missive.thread.ThreadDetail;
import dev.missive.thread.ThreadStatusReason;
import dev.missive.thread.ThreadView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** What the mappers return is what the server returns: each must validate against base R4 and Missive's definitions. */
class MappedResourcesValidateTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aClosedThreadHeaderWithEverythingTheMapperWrites() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "test-results", NOW);
        conversation.setTopic("Blood test");
        conversation.setConfidential(true);
        conversation.setEpisodeId("knee");
        conversation.setBillingConsentId("c1");
        conversation.setResponsePreference("nursekim", "PHONE");
        conversation.close(ThreadStatusReason.NO_RESPONSE_NEEDED, NOW);
        Participant participant = new Participant(conversation.getId(), Party.practitioner("drlee"), NOW);
        participant.readAll(NOW);
        participant.archive(NOW);
        participant.leave(NOW);
        Communication header = CommunicationMapper.toFhir(new ThreadView(
                conversation,
                participant,
                List.of(new ThreadChange(
                        conversation.getId(),
                        Party.patient("alice"),
                        List.of(
                                ThreadDetail.SUBJECT,
                                ThreadDetail.RECIPIENT,
                                ThreadDetail.MESSAGE_TYPE,
                                ThreadDetail.REGARDING),
                        NOW)),
                Optional.of(new AwayNotice(NOW, Optional.of(new Practitioner("drpatel"))))));
        assertEquals(
                5,
                header.getExtension().size(),
                "billing-consent, response-preference, thread-change, practitioner-away and participant-state");
        assertTrue(header.getExtensionByUrl(MissiveFhir.PARTICIPANT_STATE).hasExtension("lastRead"));
        assertTrue(header.getExtensionByUrl(MissiveFhir.PARTICIPANT_STATE).hasExtension("left"));
        assertValid(header);
    }

    @Test
    void anOverdueThreadHeaderCarriesItsDueTime() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
        conversation.awaitAnswer("m1", NOW, NOW.plusSeconds(60));
        Communication header = CommunicationMapper.toFhir(new ThreadView(conversation, null));
        Extension due = header.getExtensionByUrl(MissiveFhir.RESPONSE_DUE);
        assertEquals(
                NOW.plusSeconds(60),
                ((InstantType) due.getExtensionByUrl("due").getValue())
                        .getValue()
                        .toInstant());
        assertTrue(((BooleanType) due.getExtensionByUrl("overdue").getValue()).booleanValue());
        assertValid(header);

        conversation.close(ThreadStatusReason.CLOSED_BY_PARTICIPANT, NOW);
        Communication closed = CommunicationMapper.toFhir(new ThreadView(conversation, null));
        assertFalse(((BooleanType) closed.getExtensionByUrl(MissiveFhir.RESPONSE_DUE)
                        .getExtensionByUrl("overdue")
                        .getValue())
                .booleanValue());
    }

    @Test
    void aResponseMethodThatWouldNotValidateIsRefused() {
        Communication header = CommunicationMapper.toFhir(
                new ThreadView(new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW), null));
        header.addExtension()
                .setUrl(MissiveFhir.RESPONSE_PREFERENCE)
                .addExtension("method", new Coding(MissiveFhir.PARTICIPATION_MODE, "FAXWRIT", null));
        assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newThread(header));
    }

    @Test
    void aMessageAnsweringAnotherAndOneRetracted() {
        Message message = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Hello", "m0", NOW);
        message.markReceived(NOW);
        assertValid(CommunicationMapper.toFhir(message));
        message.retract();
        Communication tombstone = CommunicationMapper.toFhir(message);
        assertEquals(Communication.CommunicationStatus.ENTEREDINERROR, tombstone.getStatus());
        assertValid(tombstone);
    }

    @Test
    void aMessageWithFormattedText() {
        Message message = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Hello", null, NOW);
        message.format("**Hello**");
        Communication formatted = CommunicationMapper.toFhir(message);
        assertEquals(
                "**Hello**",
                formatted
                        .getPayloadFirstRep()
                        .getExtensionByUrl(MissiveFhir.FORMATTED_TEXT)
                        .getValue()
                        .primitiveValue());
        assertValid(formatted);
    }

    @Test
    void theClinicPolicyWithItsDefaults() {
        assertValid(ClinicPolicyMapper.toFhir(new ClinicPolicy()));
    }

    @Test
    void aBodyIsValidatedAsSent() {
        Message message = new Message("t1", Party.practitioner("drlee"), Party.patient("alice"), "Hi", null, NOW);
        String body =
                FhirContext.forR4Cached().newJsonParser().encodeResourceToString(CommunicationMapper.toFhir(message));
        assertValid(body);
        assertThrows(
                AssertionError.class,
                () -> assertValid(body.replace("\"status\":\"completed\",", "")),
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
    void aPractitionerRoleForPortalMessagesThatCharges() {
        PractitionerRole role = new PractitionerRole("role-drlee");
        role.setPractitionerId("drlee");
        role.setPortalMessaging(true);
        role.setChargesForMessages(true);
        role.setPeriod(new Period(NOW, null));
        role.getMessageTypes().add("medication-renewal");
        role.getMessageTypes().add("billing");
        role.touch(NOW);
        assertValid(PractitionerRoleMapper.toFhir(role));
    }

    @Test
    void aGuardian() {
        RelatedPerson guardian = person(new RelatedPerson("gina-for-ben"), "Gina", "Moreau");
        guardian.setPatientId("ben");
        guardian.setRelationship("GUARD");
        guardian.setPeriod(new Period(NOW, null));
        assertValid(RelatedPersonMapper.toFhir(guardian));
    }

    @Test
    void anEpisodeAnAppointmentAndABillingConsent() {
        EpisodeOfCare episode = new EpisodeOfCare("knee");
        episode.setPatientId("alice");
        episode.setStatus("active");
        episode.setName("Knee");
        episode.setPeriod(new Period(NOW, null));
        episode.touch(NOW);
        assertValid(EpisodeOfCareMapper.toFhir(episode));

        Appointment appointment = new Appointment("visit");
        appointment.setPatientId("chloe");
        appointment.getPractitionerIds().add("drlee");
        appointment.setStatus("fulfilled");
        appointment.setStart(NOW);
        appointment.setEnd(NOW.plusSeconds(1800));
        appointment.touch(NOW);
        assertValid(AppointmentMapper.toFhir(appointment));

        Consent consent = new Consent("c1");
        consent.setPatientId("alice");
        consent.setStatus("active");
        consent.setCategory("message-billing");
        consent.setGivenAt(NOW);
        consent.touch(NOW);
        assertValid(ConsentMapper.toFhir(consent));
    }

    @Test
    void theOutcomeOfABrokenRule() {
        BaseServerResponseException response = new ServiceExceptionInterceptor()
                .translate(new RuleViolationException(Rule.THREAD_CLOSED, "The thread is closed"));
        OperationOutcome outcome = (OperationOutcome) response.getOperationOutcome();
        assertEquals(
                "thread-closed",
                outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode());
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
