package dev.missive.thread;

import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.VersionConflictException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultDraftService implements DraftService {

    @Inject
    ConversationRepository conversations;

    @Inject
    ThreadAccess access;

    @Inject
    ThreadOpening opening;

    @Inject
    MessageWriting writing;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER})
    public ThreadView saveThread(NewThread draft) {
        Conversation conversation = opening.compose(callers.current(), draft);
        conversation.saveAsDraft();
        return new ThreadView(conversation, null);
    }

    @Override
    public Message saveMessage(NewMessage draft) {
        Caller caller = callers.current();
        Conversation conversation = writing.lockedThread(caller, draft.conversationId());
        return writing.composeDraft(caller, conversation, draft);
    }

    @Override
    public Message editMessage(String id, NewMessage edited, Long expectedVersion) {
        Caller caller = callers.current();
        Message message = draftOf(caller, id);
        Conversation conversation = writing.lockedThread(caller, message.getConversationId());
        VersionConflictException.requireCurrent(expectedVersion, message.getVersion(), "Communication", id);
        writing.edit(caller, conversation, message, edited);
        if (!edited.draft()) {
            message.send(clock.instant());
            writing.send(caller, conversation, message);
        }
        return message;
    }

    @Override
    public void discard(String id) {
        Caller caller = callers.current();
        if (conversations.find(id).isPresent()) {
            Conversation conversation = access.require(caller, id).conversation();
            if (conversation.getStatus() != ConversationStatus.DRAFT) {
                throw new InvalidRequestException("Only a draft can be discarded");
            }
            conversations.allMessages(id).forEach(this::remove);
            conversations.remove(conversation);
            return;
        }
        remove(draftOf(caller, id));
    }

    /** A discarded draft lets go of its attachments: they are their uploader's to use again. */
    private void remove(Message draft) {
        draft.detachAll();
        conversations.remove(draft);
    }

    private Message draftOf(Caller caller, String id) {
        Message message = access.requireMessage(caller, id);
        if (message.getStatus() != MessageStatus.DRAFT) {
            throw new InvalidRequestException("Only a draft can be edited or discarded");
        }
        return message;
    }

    @Override
    public List<ThreadView> threads() {
        return conversations.draftThreads(ThreadScope.of(callers.current()).authors()).stream()
                .map(conversation -> new ThreadView(conversation, null))
                .toList();
    }

    @Override
    public List<Message> messages() {
        Caller caller = callers.current();
        return conversations.draftMessages(ThreadScope.of(caller).authors()).stream()
                .filter(message ->
                        access.find(caller, message.getConversationId()).isPresent())
                .toList();
    }
}
