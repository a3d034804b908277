package dev.missive.thread;

import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.Page;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultReadingService implements ReadingService {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadAccess access;

    @Inject
    CallerContext callers;

    @Inject
    ThreadCover cover;

    @Override
    public Message message(String id) {
        return access.requireMessage(callers.current(), id);
    }

    @Override
    public ThreadOrMessage communication(String id) {
        Caller caller = callers.current();
        return conversations.find(id).isPresent()
                ? ThreadOrMessage.of(access.withChanges(access.require(caller, id)))
                : ThreadOrMessage.of(access.requireMessage(caller, id));
    }

    @Override
    public List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit) {
        return inboxQuery(callers.current(), filter, after)
                .map(query -> cover.withAwayNotices(conversations.inbox(query, after == null ? offset : 0, limit)))
                .orElse(List.of());
    }

    @Override
    public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
        return inboxQuery(callers.current(), filter, null)
                .map(query -> new Page<>(
                        limit > 0 ? cover.withAwayNotices(conversations.inbox(query, 0, limit)) : List.<ThreadView>of(),
                        conversations.inboxSize(query)))
                .orElse(new Page<>(List.of(), 0));
    }

    /** The caller's inbox; none for callers who take part in no thread. Overdue threads are a staff work list. */
    private static Optional<InboxQuery> inboxQuery(Caller caller, InboxFilter filter, InboxCursor after) {
        if (filter.overdueOnly()
                && !caller.seesEverything()
                && caller.idAs(PartyType.PRACTITIONER).isEmpty()) {
            throw new ForbiddenException("Only staff search for overdue threads");
        }
        ThreadScope scope = ThreadScope.of(caller);
        return scope.hasInbox() ? Optional.of(new InboxQuery(scope, filter, after)) : Optional.empty();
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        Instant until = access.require(callers.current(), conversationId).seesUntil();
        return conversations.messages(conversationId, until, offset, limit);
    }

    @Override
    public Page<Message> messagePage(String conversationId, int limit) {
        Instant until = access.require(callers.current(), conversationId).seesUntil();
        return new Page<>(
                conversations.messages(conversationId, until, 0, limit),
                conversations.messageCount(conversationId, until));
    }
}
