package dev.missive.service;

import dev.missive.domain.AppointmentRepository;
import dev.missive.domain.CareTeam;
import dev.missive.domain.CareTeamRepository;
import dev.missive.domain.ClinicPolicy;
import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationStatus;
import dev.missive.domain.EligibilityBasis;
import dev.missive.domain.PartyType;
import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRepository;
import dev.missive.domain.PractitionerRole;
import dev.missive.domain.PractitionerRoleRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Stateless
@PermitAll
public class DefaultEligibilityService implements EligibilityService {

    @Inject
    PolicyService policies;

    @Inject
    CareTeamRepository careTeams;

    @Inject
    AppointmentRepository appointments;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    PractitionerRoleRepository roles;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    public List<PractitionerRole> recipients(String patientId, String messageType) {
        ClinicPolicy policy = policies.current();
        if (!policy.isMessagingEnabled() || !policy.offers(messageType)) {
            return List.of();
        }
        Instant now = clock.instant();
        return related(policy, patientId, now).stream()
                .filter(this::isActive)
                .flatMap(practitionerId -> roles.findByPractitioner(practitionerId).stream())
                .filter(role -> role.takesMessagesAt(now, messageType))
                .toList();
    }

    @Override
    public List<MessageRecipient> recipientsForCaller(String patientId, String messageType) {
        Caller caller = callers.current();
        if (!caller.seesEverything() && caller.patientSideFor(patientId).isEmpty()) {
            throw new NotFoundException("Patient", patientId);
        }
        return recipients(patientId, messageType).stream()
                .map(role -> new MessageRecipient(role, practitioners.find(role.getPractitionerId()).orElseThrow()))
                .toList();
    }

    @Override
    public void checkMayStart(Caller caller, String patientId, String practitionerId, String messageType) {
        ClinicPolicy policy = requireMessagingOn();
        if (!policy.offers(messageType)) {
            throw new RuleViolationException("message-type-not-offered", "The clinic does not offer this message type");
        }
        if (caller.idAs(PartyType.PRACTITIONER).isPresent()) {
            // Practitioners write to their own patients, for any type the clinic offers.
            if (!isActive(practitionerId) || !related(policy, patientId, clock.instant()).contains(practitionerId)) {
                throw new RuleViolationException("not-your-patient", "The patient is not one of the practitioner's patients");
            }
            return;
        }
        if (!policy.isPatientsMayStart()) {
            throw new RuleViolationException("patients-may-not-start", "The clinic does not let patients start threads");
        }
        if (recipients(patientId, messageType).stream().noneMatch(role -> role.getPractitionerId().equals(practitionerId))) {
            throw new RuleViolationException("recipient-not-eligible",
                    "The practitioner cannot be messaged for this message type");
        }
    }

    @Override
    public void checkMayWrite(Caller caller, Conversation conversation) {
        ClinicPolicy policy = requireMessagingOn();
        if (conversation.getStatus() == ConversationStatus.CLOSED) {
            throw new RuleViolationException("thread-closed", "The thread is closed");
        }
        boolean practitionerReachable = isActive(conversation.getPractitionerId())
                && related(policy, conversation.getPatientId(), clock.instant()).contains(conversation.getPractitionerId());
        boolean patientSide = caller.idAs(PartyType.PRACTITIONER).isEmpty();
        if (!practitionerReachable || patientSide && !stillTakesMessages(conversation)) {
            throw new RuleViolationException("read-only-thread",
                    "The thread can be read but no longer written in: the care relationship has changed");
        }
    }

    private boolean stillTakesMessages(Conversation conversation) {
        Instant now = clock.instant();
        return roles.findByPractitioner(conversation.getPractitionerId()).stream()
                .anyMatch(role -> role.takesMessagesAt(now, conversation.getCategory()));
    }

    private ClinicPolicy requireMessagingOn() {
        ClinicPolicy policy = policies.current();
        if (!policy.isMessagingEnabled()) {
            throw new RuleViolationException("messaging-disabled", "The clinic has not switched messaging on");
        }
        return policy;
    }

    /** The practitioners with a care relationship to the patient under the policy's basis. */
    private Set<String> related(ClinicPolicy policy, String patientId, Instant now) {
        Set<String> related = new LinkedHashSet<>();
        if (policy.getEligibilityBasis() == EligibilityBasis.CARE_TEAM) {
            careTeams.findByPatient(patientId).stream()
                    .filter(CareTeam::isActive)
                    .forEach(team -> related.addAll(team.getPractitionerIds()));
        } else {
            Instant since = now.minus(Duration.ofDays(policy.getAppointmentWindowDays()));
            appointments.findByPatientSince(patientId, since).stream()
                    .filter(appointment -> appointment.counts() && !appointment.getStart().isAfter(now))
                    .forEach(appointment -> related.addAll(appointment.getPractitionerIds()));
        }
        return related;
    }

    private boolean isActive(String practitionerId) {
        return practitioners.find(practitionerId).map(Practitioner::isActive).orElse(false);
    }
}
