package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.VersionConflictException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultThreadEditing implements ThreadEditing {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadAccess access;

    @Inject
    ThreadOpening opening;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    public ThreadView editThread(String id, NewThread edited, Long expectedVersion) {
        Caller caller = callers.current();
        // an edit takes its turn with the thread's messages and actions
        conversations.lock(id);
        ThreadView view = access.require(caller, id);
        Conversation conversation = view.conversation();
        VersionConflictException.requireCurrent(expectedVersion, conversation.getVersion(), "Communication", id);
        return switch (conversation.getStatus()) {
            case DRAFT -> {
                opening.edit(caller, conversation, edited);
                yield new ThreadView(conversation, edited.draft() ? null : opening.open(caller, conversation));
            }
            case OPEN -> amend(caller, view, edited);
            case CLOSED ->
                throw new RuleViolationException(Rule.THREAD_CLOSED, "A closed thread's details cannot be edited");
        };
    }

    private ThreadView amend(Caller caller, ThreadView view, NewThread edited) {
        Conversation thread = view.conversation();
        Party editor = caller.patientSideFor(thread.getPatientId())
                .orElseThrow(() -> new ForbiddenException("Only the patient side edits an open thread's details"));
        String topic = thread.getTopic();
        String practitionerId = thread.getPractitionerId();
        String category = thread.getCategory();
        String episodeId = thread.getEpisodeId();
        opening.amend(caller, thread, edited);
        List<ThreadDetail> changed = new ArrayList<>();
        if (!Objects.equals(topic, thread.getTopic())) {
            changed.add(ThreadDetail.SUBJECT);
        }
        if (!practitionerId.equals(thread.getPractitionerId())) {
            changed.add(ThreadDetail.RECIPIENT);
        }
        if (!category.equals(thread.getCategory())) {
            changed.add(ThreadDetail.MESSAGE_TYPE);
        }
        if (!Objects.equals(episodeId, thread.getEpisodeId())) {
            changed.add(ThreadDetail.REGARDING);
        }
        if (!changed.isEmpty()) {
            Instant now = clock.instant();
            if (changed.contains(ThreadDetail.RECIPIENT)) {
                handOver(thread, practitionerId, now);
            }
            thread.recordActivity(now);
            conversations.participants(thread.getId()).stream()
                    .filter(Participant::isActive)
                    .forEach(participant -> participant.detailsChanged(now));
            conversations.add(new ThreadChange(thread.getId(), editor, changed, now));
        }
        return access.withChanges(view);
    }

    /**
     * The earlier practitioner leaves (their row stays: what they had, they keep); the new one
     * takes part from now on, with the patient side's messages nobody has opened yet unread.
     */
    private void handOver(Conversation thread, String earlierPractitionerId, Instant now) {
        conversations
                .findParticipant(thread.getId(), Party.practitioner(earlierPractitionerId))
                .ifPresent(earlier -> earlier.leave(now));
        int waiting = (int) conversations.unreceived(thread.getId()).stream()
                .filter(message -> message.getSender().type() != PartyType.PRACTITIONER)
                .count();
        Participant joining = conversations
                .findParticipant(thread.getId(), thread.practitioner())
                .orElseGet(() -> {
                    Participant row = new Participant(thread.getId(), thread.practitioner(), now);
                    conversations.add(row);
                    return row;
                });
        joining.join(now, waiting);
    }
}
