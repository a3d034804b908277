package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.Page;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    @Override
    public Message message(String id) {
        return access.requireMessage(callers.current(), id);
    }

    @Override
    public ThreadOrMessage communication(String id) {
        Caller caller = callers.current();
        return conversations.find(id).isPresent()
                ? ThreadOrMessage.of(access.require(caller, id))
                : ThreadOrMessage.of(access.requireMessage(caller, id));
    }

    @Override
    public List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit) {
        return inboxQuery(callers.current(), filter, after)
                .map(query -> conversations.inbox(query, after == null ? offset : 0, limit))
                .orElse(List.of());
    }

    @Override
    public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
        return inboxQuery(callers.current(), filter, null)
                .map(query -> new Page<>(limit > 0 ? conversations.inbox(query, 0, limit) : List.<ThreadView>of(),
                        conversations.inboxSize(query)))
                .orElse(new Page<>(List.of(), 0));
    }

    /** Whose threads the caller's inbox holds; none for callers who take part in no thread. */
    private Optional<InboxQuery> inboxQuery(Caller caller, InboxFilter filter, InboxCursor after) {
        if (caller.party().isEmpty() && caller.proxyFor().isEmpty()) {
            return Optional.empty();
        }
        Set<Party> proxyParties = new LinkedHashSet<>();
        caller.proxyFor().values().forEach(id -> proxyParties.add(new Party(PartyType.RELATED_PERSON, id)));
        return Optional.of(new InboxQuery(caller.party().orElse(null), caller.proxyFor().keySet(),
                proxyParties, filter.archived(), filter.unreadOnly(), filter.category(), filter.patientId(),
                filter.text(), after));
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        access.require(callers.current(), conversationId);
        return conversations.messages(conversationId, offset, limit);
    }

    @Override
    public Page<Message> messagePage(String conversationId, int limit) {
        access.require(callers.current(), conversationId);
        return new Page<>(conversations.messages(conversationId, 0, limit), conversations.messageCount(conversationId));
    }
}
