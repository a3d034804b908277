package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Each action locks its thread first: two members claiming at once take turns, and the second is refused. */
@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultTeamPools implements TeamPools {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadAccess access;

    @Inject
    CallerContext callers;

    @Override
    public ThreadView claim(String conversationId) {
        Caller caller = callers.current();
        ThreadView view = pooledThread(caller, conversationId);
        Party member = memberIn(view.conversation(), caller)
                .orElseThrow(() -> new ForbiddenException("Only a member of the team claims its thread"));
        requireHeldByNobodyOr(view.conversation(), member.id());
        view.conversation().claim(member.id());
        return view;
    }

    @Override
    public ThreadView release(String conversationId) {
        Caller caller = callers.current();
        ThreadView view = pooledThread(caller, conversationId);
        Conversation thread = view.conversation();
        boolean holder = thread.getClaimedBy()
                .map(Party::practitioner)
                .filter(caller::is)
                .isPresent();
        if (!holder && !caller.has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only the member who claimed the thread, or a clinic admin, releases it");
        }
        thread.release();
        return view;
    }

    @Override
    public ThreadView assign(String conversationId, String practitionerId) {
        Caller caller = callers.current();
        ThreadView view = pooledThread(caller, conversationId);
        Conversation thread = view.conversation();
        if (!caller.has(Role.CLINIC_ADMIN)) {
            Party member = memberIn(thread, caller)
                    .orElseThrow(() ->
                            new ForbiddenException("Only a member of the team, or a clinic admin, assigns its thread"));
            requireHeldByNobodyOr(thread, member.id());
        }
        if (memberIn(thread, Party.practitioner(practitionerId == null ? "" : practitionerId))
                .isEmpty()) {
            throw new RuleViolationException(
                    Rule.RECIPIENT_NOT_ELIGIBLE, "The thread can only be assigned to a member of the team it reached");
        }
        thread.claim(practitionerId);
        return view;
    }

    /** The open pool thread, locked, if the caller sees it; not found otherwise. */
    private ThreadView pooledThread(Caller caller, String conversationId) {
        conversations.lock(conversationId);
        ThreadView view = access.require(caller, conversationId);
        Conversation thread = view.conversation();
        if (!thread.isPooled()) {
            throw new RuleViolationException(Rule.THREAD_NOT_POOLED, "The thread is not addressed to a team");
        }
        if (thread.getStatus() != ConversationStatus.OPEN) {
            throw new RuleViolationException(Rule.THREAD_CLOSED, "The thread is closed");
        }
        return view;
    }

    private Optional<Party> memberIn(Conversation thread, Caller caller) {
        return caller.idAs(PartyType.PRACTITIONER).map(Party::practitioner).flatMap(party -> memberIn(thread, party));
    }

    /** The practitioner, if the pool reached them in this thread and they still take part. */
    private Optional<Party> memberIn(Conversation thread, Party practitioner) {
        return conversations
                .findParticipant(thread.getId(), practitioner)
                .filter(row -> row.isPoolMember() && row.isActive())
                .map(Participant::getParty);
    }

    private static void requireHeldByNobodyOr(Conversation thread, String practitionerId) {
        if (thread.getClaimedBy()
                .filter(holder -> !holder.equals(practitionerId))
                .isPresent()) {
            throw new RuleViolationException(
                    Rule.POOL_THREAD_CLAIMED, "Another member of the team has claimed the thread");
        }
    }
}
