package dev.missive.persistence;

import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationRepository;
import dev.missive.domain.ThreadView;
import dev.missive.domain.Message;
import dev.missive.domain.MessageStatus;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

    private static final List<MessageStatus> VISIBLE_IN_THREAD = List.of(MessageStatus.SENT, MessageStatus.RETRACTED);

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(em.find(Conversation.class, id));
    }

    @Override
    public Optional<Message> findMessage(String id) {
        return Optional.ofNullable(em.find(Message.class, id));
    }

    @Override
    public Optional<Participant> findParticipant(String conversationId, Party party) {
        return em.createQuery("select p from Participant p where p.conversationId = :conversation"
                        + " and p.party = :party", Participant.class)
                .setParameter("conversation", conversationId)
                .setParameter("party", party)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Participant> participants(String conversationId) {
        return em.createQuery("select p from Participant p where p.conversationId = :conversation order by p.id",
                        Participant.class)
                .setParameter("conversation", conversationId)
                .getResultList();
    }

    @Override
    public List<ThreadView> inbox(Party party, int offset, int limit) {
        // Ordered by the participant's own copy of last activity: one range scan of its index.
        return em.createQuery("select new dev.missive.domain.ThreadView(c, p) from Participant p, Conversation c"
                        + " where p.party = :party and c.id = p.conversationId"
                        + " order by p.lastActivity desc, p.id", ThreadView.class)
                .setParameter("party", party)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long inboxSize(Party party) {
        return em.createQuery("select count(p) from Participant p where p.party = :party", Long.class)
                .setParameter("party", party)
                .getSingleResult();
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        return em.createQuery("select m from Message m where m.conversationId = :conversation"
                        + " and m.status in :statuses order by m.sent, m.id", Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("statuses", VISIBLE_IN_THREAD)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long messageCount(String conversationId) {
        return em.createQuery("select count(m) from Message m where m.conversationId = :conversation"
                        + " and m.status in :statuses", Long.class)
                .setParameter("conversation", conversationId)
                .setParameter("statuses", VISIBLE_IN_THREAD)
                .getSingleResult();
    }

    @Override
    public void add(Conversation conversation) {
        em.persist(conversation);
    }

    @Override
    public void add(Message message) {
        em.persist(message);
    }

    @Override
    public void add(Participant participant) {
        em.persist(participant);
    }

    @Override
    public void lock(String conversationId) {
        // select ... for update, then the version bump: before anything else of the thread is read
        em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    @Override
    public boolean hasMessageSince(String conversationId, Instant since, String messageId) {
        return !em.createQuery("select m.id from Message m where m.conversationId = :conversation"
                        + " and m.status = :sent and m.sent >= :since and m.id <> :message", String.class)
                .setParameter("conversation", conversationId)
                .setParameter("sent", MessageStatus.SENT)
                .setParameter("since", since)
                .setParameter("message", messageId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<Message> unreceived(String conversationId) {
        return em.createQuery("select m from Message m where m.conversationId = :conversation"
                        + " and m.status = :sent and m.received is null order by m.sent, m.id", Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("sent", MessageStatus.SENT)
                .getResultList();
    }
}
