package dev.missive.service;

import dev.missive.domain.ConversationRepository;
import dev.missive.domain.ThreadView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one place that decides whether a caller may see a thread, and in what state they see
 * it. Every service that touches a thread goes through here, so a thread the caller may not
 * see is "not found" everywhere alike.
 */
@ApplicationScoped
public class ThreadAccess {

    @Inject
    ConversationRepository conversations;

    /** The thread as the caller sees it, if they take part in it or see everything. */
    public Optional<ThreadView> find(Caller caller, String threadId) {
        return conversations.find(threadId).flatMap(conversation -> {
            if (caller.seesEverything()) {
                return Optional.of(new ThreadView(conversation, null));
            }
            return caller.party()
                    .flatMap(party -> conversations.findParticipant(threadId, party))
                    .map(participant -> new ThreadView(conversation, participant));
        });
    }

    public ThreadView require(Caller caller, String threadId) {
        return find(caller, threadId).orElseThrow(() -> new NotFoundException("Communication", threadId));
    }
}
