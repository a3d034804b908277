package dev.missive.eligibility;

import dev.missive.cover.Absence;
import dev.missive.cover.AbsenceRepository;
import dev.missive.directory.AppointmentRepository;
import dev.missive.directory.CareTeam;
import dev.missive.directory.CareTeamRepository;
import dev.missive.directory.PatientRepository;
import dev.missive.directory.Person;
import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.PractitionerRole;
import dev.missive.directory.PractitionerRoleRepository;
import dev.missive.domain.PartyType;
import dev.missive.policy.ClinicPolicy;
import dev.missive.policy.EligibilityBasis;
import dev.missive.policy.PolicyService;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    PractitionerRoleRepository roles;

    @Inject
    AbsenceRepository absences;

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
        Optional<String> patientAccount = accountOf(patientId);
        return related(policy, patientId, now).stream()
                .filter(this::isActive)
                .filter(practitionerId -> !sameAccount(patientAccount, practitionerId))
                .flatMap(practitionerId -> roles.findByPractitioner(practitionerId).stream())
                .filter(role -> role.takesMessagesAt(now, messageType))
                .toList();
    }

    @Override
    public List<MessageRecipient> recipientsForCaller(String patientId, String messageType) {
        if (!patientSideMayStart(patientId)) {
            return List.of();
        }
        return recipients(patientId, messageType).stream()
                .map(role -> new MessageRecipient(
                        role,
                        practitioners.find(role.getPractitionerId()).orElseThrow(),
                        awayNotice(patientId, role.getPractitionerId(), messageType, false)))
                .toList();
    }

    /** Whether the caller may ask whom this patient may write to, and the clinic lets the patient side start threads. */
    private boolean patientSideMayStart(String patientId) {
        Caller caller = callers.current();
        if (!caller.seesEverything() && caller.patientSideFor(patientId).isEmpty()) {
            throw new NotFoundException("Patient", patientId);
        }
        // whom the patient side may start a thread with: nobody, whoever asks
        return policies.current().isPatientsMayStart();
    }

    @Override
    public List<TeamPool> pools(String patientId, String messageType) {
        List<PractitionerRole> reachable = recipients(patientId, messageType);
        if (reachable.isEmpty()) {
            return List.of();
        }
        return careTeams.findPools().stream()
                .filter(team -> team.takesAsPool(messageType))
                .map(team -> teamPool(team, reachable))
                .filter(pool -> !pool.memberIds().isEmpty())
                .toList();
    }

    private TeamPool teamPool(CareTeam team, List<PractitionerRole> reachable) {
        Instant now = clock.instant();
        return new TeamPool(
                team,
                team.getPractitionerIds().stream()
                        .filter(memberId -> reachable.stream()
                                .anyMatch(role -> role.getPractitionerId().equals(memberId)))
                        .filter(memberId -> absences.running(memberId, now).isEmpty())
                        .sorted()
                        .toList());
    }

    @Override
    public List<TeamPool> poolsForCaller(String patientId, String messageType) {
        return patientSideMayStart(patientId) ? pools(patientId, messageType) : List.of();
    }

    @Override
    public TeamPool requirePool(String poolId, String patientId, String messageType) {
        return pools(patientId, messageType).stream()
                .filter(pool -> pool.team().getId().equals(poolId))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(
                        Rule.RECIPIENT_NOT_ELIGIBLE, "The team cannot be messaged for this message type"));
    }

    @Override
    public Optional<AwayNotice> awayNotice(
            String patientId, String practitionerId, String messageType, boolean confidential) {
        Instant now = clock.instant();
        return absences.running(practitionerId, now)
                .map(absence -> new AwayNotice(
                        absence.getEnd(),
                        Optional.of(absence.getCoverId())
                                .filter(coverId -> !confidential)
                                .filter(coverId ->
                                        absences.running(coverId, now).isEmpty())
                                .filter(coverId -> recipients(patientId, messageType).stream()
                                        .anyMatch(
                                                role -> role.getPractitionerId().equals(coverId)))
                                .flatMap(practitioners::find)));
    }

    @Override
    public Set<String> awayNow(Collection<String> practitionerIds) {
        Instant now = clock.instant();
        return absences.findAll(Set.copyOf(practitionerIds)).stream()
                .filter(absence -> absence.runsAt(now))
                .map(Absence::getPractitionerId)
                .collect(Collectors.toSet());
    }

    @Override
    public void checkMayStart(Caller caller, String patientId, String practitionerId, String messageType) {
        ClinicPolicy policy = requireMessagingOn();
        if (!policy.offers(messageType)) {
            throw new RuleViolationException(
                    Rule.MESSAGE_TYPE_NOT_OFFERED, "The clinic does not offer this message type");
        }
        if (sameAccount(accountOf(patientId), practitionerId)) {
            throw new RuleViolationException(
                    Rule.MESSAGE_TO_SELF, "The patient and the practitioner of a thread cannot be the same person");
        }
        if (caller.idAs(PartyType.PRACTITIONER).isPresent()) {
            // Practitioners write to their own patients, for any type the clinic offers.
            if (!isActive(practitionerId)
                    || !related(policy, patientId, clock.instant()).contains(practitionerId)) {
                throw new RuleViolationException(
                        Rule.NOT_YOUR_PATIENT, "The patient is not one of the practitioner's patients");
            }
            return;
        }
        if (!policy.isPatientsMayStart()) {
            throw new RuleViolationException(
                    Rule.PATIENTS_MAY_NOT_START, "The clinic does not let patients start threads");
        }
        if (recipients(patientId, messageType).stream()
                .noneMatch(role -> role.getPractitionerId().equals(practitionerId))) {
            throw new RuleViolationException(
                    Rule.RECIPIENT_NOT_ELIGIBLE, "The practitioner cannot be messaged for this message type");
        }
    }

    @Override
    public void checkMayWrite(Caller caller, Correspondence thread) {
        ClinicPolicy policy = requireMessagingOn();
        if (thread.isClosed()) {
            throw new RuleViolationException(Rule.THREAD_CLOSED, "The thread is closed");
        }
        boolean practitionerReachable = isActive(thread.getPractitionerId())
                && related(policy, thread.getPatientId(), clock.instant()).contains(thread.getPractitionerId());
        boolean patientSide = caller.idAs(PartyType.PRACTITIONER).isEmpty();
        if (!practitionerReachable || patientSide && !stillTakesMessages(thread)) {
            throw new RuleViolationException(
                    Rule.READ_ONLY_THREAD,
                    "The thread can be read but no longer written in: the care relationship has changed");
        }
    }

    private boolean stillTakesMessages(Correspondence thread) {
        Instant now = clock.instant();
        return roles.findByPractitioner(thread.getPractitionerId()).stream()
                .anyMatch(role -> role.takesMessagesAt(now, thread.getCategory()));
    }

    private ClinicPolicy requireMessagingOn() {
        ClinicPolicy policy = policies.current();
        if (!policy.isMessagingEnabled()) {
            throw new RuleViolationException(Rule.MESSAGING_DISABLED, "The clinic has not switched messaging on");
        }
        return policy;
    }

    /**
     * The practitioners with a care relationship to the patient under the policy's basis, by id:
     * whom a patient may write to is listed in the same order whatever the database returns.
     */
    private Set<String> related(ClinicPolicy policy, String patientId, Instant now) {
        Set<String> related = new TreeSet<>();
        if (policy.getEligibilityBasis() == EligibilityBasis.CARE_TEAM) {
            careTeams.findByPatient(patientId).stream()
                    .filter(CareTeam::isActive)
                    .forEach(team -> related.addAll(team.getPractitionerIds()));
        } else {
            Instant since = now.minus(Duration.ofDays(policy.getAppointmentWindowDays()));
            appointments.findByPatientSince(patientId, since).stream()
                    .filter(appointment ->
                            appointment.counts() && !appointment.getStart().isAfter(now))
                    .forEach(appointment -> related.addAll(appointment.getPractitionerIds()));
        }
        return related;
    }

    /** The portal account of the patient, if they have one. */
    private Optional<String> accountOf(String patientId) {
        return patients.find(patientId).map(Person::getPortalUsername);
    }

    /** A staff member who is also a patient signs in to one account that both entries carry. */
    private boolean sameAccount(Optional<String> patientAccount, String practitionerId) {
        return patientAccount.isPresent()
                && practitioners
                        .find(practitionerId)
                        .map(Person::getPortalUsername)
                        .filter(patientAccount.get()::equals)
                        .isPresent();
    }

    private boolean isActive(String practitionerId) {
        return practitioners.find(practitionerId).map(Practitioner::isActive).orElse(false);
    }
}
