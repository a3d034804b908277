package dev.missive.thread;

import dev.missive.directory.ConsentRepository;
import dev.missive.directory.EpisodeOfCare;
import dev.missive.directory.EpisodeOfCareRepository;
import dev.missive.directory.PatientRepository;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.PractitionerRoleRepository;
import dev.missive.directory.RelatedPerson;
import dev.missive.directory.RelatedPersonRepository;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.eligibility.EligibilityService;
import dev.missive.eligibility.TeamPool;
import dev.missive.policy.ClinicPolicy;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What starting a thread takes, for a new thread and for a draft alike: who may start it with
 * whom, its details checked, and, once it is sent, every rule and each participant's row. An
 * open thread's details, when its patient side edits them, are held to the same rules.
 */
@ApplicationScoped
class ThreadOpening {

    @Inject
    ConversationRepository conversations;

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    PractitionerRoleRepository roles;

    @Inject
    RelatedPersonRepository relatedPersons;

    @Inject
    EpisodeOfCareRepository episodes;

    @Inject
    ConsentRepository consents;

    @Inject
    EligibilityService eligibility;

    @Inject
    ThreadCover cover;

    @Inject
    Clock clock;

    /** A new thread as the caller asks for it, stored but not yet sent. */
    Conversation compose(Caller caller, NewThread request) {
        String patientId = request.patientId() != null
                ? request.patientId()
                : caller.idAs(PartyType.PATIENT)
                        .orElseThrow(() -> new InvalidRequestException(
                                "Communication.subject must name the Patient the thread is about"));
        Optional<TeamPool> pool = poolFor(caller, patientId, request);
        String practitionerId = pool.map(TeamPool::holderUntilClaimed).orElse(request.practitionerId());
        Party starter = starterFor(caller, patientId, practitionerId);
        AssertedSender.requireWriter(request.sender(), starter);
        if (request.confidential() && starter.type() == PartyType.RELATED_PERSON) {
            throw new ForbiddenException("Only the patient or the practitioner can make a thread confidential");
        }
        Conversation conversation =
                new Conversation(patientId, practitionerId, starter, request.category(), clock.instant());
        pool.ifPresent(team -> conversation.addressTo(team.team()));
        applyDetails(conversation, request);
        conversation.setConfidential(request.confidential());
        conversation.setNoResponseNeeded(request.noResponseNeeded());
        conversations.add(conversation);
        return conversation;
    }

    /**
     * The pool a new thread is addressed to, with the members it reaches: only the patient side
     * addresses a pool, never in confidence (a confidential thread is between the patient and
     * one practitioner).
     */
    private Optional<TeamPool> poolFor(Caller caller, String patientId, NewThread request) {
        if (request.poolId() == null) {
            return Optional.empty();
        }
        if (request.confidential()) {
            throw new RuleViolationException(
                    Rule.POOL_THREAD_CONFIDENTIAL, "A confidential thread goes to one practitioner, not to a team");
        }
        if (caller.has(Role.PRACTITIONER) || caller.patientSideFor(patientId).isEmpty()) {
            throw new ForbiddenException("Only the patient side addresses a thread to a team");
        }
        return Optional.of(eligibility.requirePool(request.poolId(), patientId, request.category()));
    }

    /** A draft thread's details as edited: the same patient, any practitioner the caller may write to. */
    void edit(Caller caller, Conversation draft, NewThread edited) {
        if (edited.patientId() != null && !edited.patientId().equals(draft.getPatientId())) {
            throw new InvalidRequestException("A draft cannot move to another patient");
        }
        Optional<TeamPool> pool = poolFor(caller, draft.getPatientId(), edited);
        String practitionerId = pool.map(TeamPool::holderUntilClaimed).orElse(edited.practitionerId());
        starterFor(caller, draft.getPatientId(), practitionerId);
        AssertedSender.requireWriter(edited.sender(), draft.getStartedBy());
        draft.redirect(practitionerId, edited.category());
        draft.addressTo(pool.map(TeamPool::team).orElse(null));
        applyDetails(draft, edited);
        draft.setConfidential(edited.confidential());
        draft.setNoResponseNeeded(edited.noResponseNeeded());
    }

    /**
     * An open thread's details as its patient side edits them: subject, practitioner, message
     * type and regarding, with the response preference and billing consent that go with them.
     * Its patient, starter and confidentiality stay. A new practitioner, message type or
     * regarding is checked as when a thread starts: eligibility (the clinic's policy, the care
     * relationship, the role that takes this type), regarding and billing consent.
     */
    void amend(Caller caller, Conversation thread, NewThread edited) {
        if (edited.draft()) {
            throw new InvalidRequestException("An open thread cannot become a draft again");
        }
        if (edited.patientId() != null && !edited.patientId().equals(thread.getPatientId())) {
            throw new InvalidRequestException("A thread cannot move to another patient");
        }
        if (edited.confidential() != thread.isConfidential()) {
            throw new InvalidRequestException("A thread's confidentiality is set when it starts");
        }
        AssertedSender.requireWriter(edited.sender(), thread.getStartedBy());
        if (thread.isPooled() || edited.poolId() != null) {
            throw new InvalidRequestException(
                    "A thread to a team keeps its details; a thread to a practitioner stays one");
        }
        boolean recheck = !edited.practitionerId().equals(thread.getPractitionerId())
                || !edited.category().equals(thread.getCategory())
                || !Objects.equals(edited.episodeId(), thread.getEpisodeId());
        starterFor(caller, thread.getPatientId(), edited.practitionerId());
        thread.redirect(edited.practitionerId(), edited.category());
        applyDetails(thread, edited);
        if (recheck) {
            eligibility.checkMayStart(caller, thread.getPatientId(), thread.getPractitionerId(), thread.getCategory());
            requireRegardingWhenAmbiguous(thread);
            requireBillingConsent(thread);
        }
    }

    /** Who starts a thread about this patient with this practitioner, or why they may not. */
    private Party starterFor(Caller caller, String patientId, String practitionerId) {
        if (patients.find(patientId == null ? "" : patientId).isEmpty()) {
            throw new InvalidRequestException("The thread's subject must be a known Patient");
        }
        if (practitioners.find(practitionerId == null ? "" : practitionerId).isEmpty()) {
            throw new InvalidRequestException("The thread's recipient must be a known Practitioner");
        }
        if (caller.has(Role.PRACTITIONER)) {
            return caller.idAs(PartyType.PRACTITIONER)
                    .filter(practitionerId::equals)
                    .map(Party::practitioner)
                    .orElseThrow(() -> new ForbiddenException("A practitioner starts threads as themselves"));
        }
        return caller.patientSideFor(patientId)
                .orElseThrow(() -> new ForbiddenException("A thread can only be started on one's own behalf"));
    }

    private void applyDetails(Conversation conversation, NewThread details) {
        if (!ClinicPolicy.MESSAGE_TYPES.contains(details.category())) {
            throw new InvalidRequestException("Unknown message type");
        }
        if (details.topic() != null && details.topic().length() > Conversation.MAX_TOPIC_LENGTH) {
            throw new InvalidRequestException("A subject is at most " + Conversation.MAX_TOPIC_LENGTH + " characters");
        }
        conversation.setTopic(details.topic());
        conversation.setEpisodeId(details.episodeId());
        conversation.setBillingConsentId(details.billingConsentId());
        if (details.responderId() != null
                && practitioners.find(details.responderId()).isEmpty()) {
            throw new InvalidRequestException("The responder must be a known Practitioner");
        }
        conversation.setResponsePreference(details.responderId(), details.responseMethod());
        if (details.episodeId() != null
                && episodes.find(details.episodeId())
                        .filter(episode -> episode.getPatientId().equals(conversation.getPatientId()))
                        .isEmpty()) {
            throw new InvalidRequestException("The thread can only be regarding one of the patient's episodes of care");
        }
    }

    /**
     * Sends a new or draft thread: every rule is checked now, and each person who takes part
     * gets their row: the patient, the practitioner, and the patient's active proxies unless
     * the thread is confidential. Returns the caller's own row.
     */
    Participant open(Caller caller, Conversation conversation) {
        // a pool is checked again as it is now: a draft's members may have changed
        Optional<TeamPool> pool = conversation
                .getPool()
                .map(team ->
                        eligibility.requirePool(team.getId(), conversation.getPatientId(), conversation.getCategory()));
        pool.ifPresent(team -> conversation.redirect(team.holderUntilClaimed(), conversation.getCategory()));
        eligibility.checkMayStart(
                caller, conversation.getPatientId(), conversation.getPractitionerId(), conversation.getCategory());
        if (conversation.getStartedBy().type() != PartyType.PRACTITIONER) {
            requireRegardingWhenAmbiguous(conversation);
            requireBillingConsent(conversation);
        }
        Instant now = clock.instant();
        conversation.open(now);
        Set<Party> parties = new LinkedHashSet<>(
                List.of(conversation.patient(), conversation.practitioner(), conversation.getStartedBy()));
        if (!conversation.isConfidential()) {
            relatedPersons.findByPatient(conversation.getPatientId()).stream()
                    .filter(relatedPerson -> relatedPerson.actsAt(now))
                    .map(RelatedPerson::getId)
                    .forEach(id -> parties.add(new Party(PartyType.RELATED_PERSON, id)));
        }
        Participant own = null;
        for (Party party : parties) {
            Participant participant = new Participant(conversation.getId(), party, now);
            conversations.add(participant);
            if (party.equals(conversation.getStartedBy())) {
                own = participant;
            }
        }
        pool.ifPresent(team -> joinMembers(conversation, team, now));
        cover.route(conversation, now);
        return own;
    }

    /** Every member the pool reaches takes part, marked as a pool member: each sees it in the team inbox. */
    private void joinMembers(Conversation conversation, TeamPool pool, Instant now) {
        for (String memberId : pool.memberIds()) {
            Party member = Party.practitioner(memberId);
            Participant participant = conversations
                    .findParticipant(conversation.getId(), member)
                    .orElseGet(() -> {
                        Participant joined = new Participant(conversation.getId(), member, now);
                        conversations.add(joined);
                        return joined;
                    });
            participant.joinAsPoolMember();
        }
    }

    private void requireRegardingWhenAmbiguous(Conversation conversation) {
        long active = episodes.findByPatient(conversation.getPatientId()).stream()
                .filter(EpisodeOfCare::isActive)
                .count();
        if (active > 1 && conversation.getEpisodeId() == null) {
            throw new RuleViolationException(
                    Rule.REGARDING_REQUIRED,
                    "The patient has more than one episode of care: say which one the thread is regarding");
        }
    }

    private void requireBillingConsent(Conversation conversation) {
        Instant now = clock.instant();
        boolean charges = roles.findByPractitioner(conversation.getPractitionerId()).stream()
                .anyMatch(role -> role.isChargesForMessages() && role.takesMessagesAt(now, conversation.getCategory()));
        boolean consented = conversation.getBillingConsentId() != null
                && consents.find(conversation.getBillingConsentId())
                        .filter(consent -> consent.coversMessageBillingFor(conversation.getPatientId()))
                        .isPresent();
        if (charges && !consented) {
            throw new RuleViolationException(
                    Rule.BILLING_CONSENT_REQUIRED,
                    "The practitioner charges for messages: the patient's billing consent is required");
        }
    }
}
