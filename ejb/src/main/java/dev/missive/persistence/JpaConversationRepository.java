package dev.missive.persistence;

import dev.missive.domain.Party;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationRepository;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.InboxQuery;
import dev.missive.thread.Message;
import dev.missive.thread.MessageStatus;
import dev.missive.thread.Participant;
import dev.missive.thread.StaffReply;
import dev.missive.thread.ThreadChange;
import dev.missive.thread.ThreadScope;
import dev.missive.thread.ThreadView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

    /**
     * Sent and retracted messages, as literals: a list bound as a parameter makes Hibernate
     * translate the query again on every call instead of reusing its plan.
     */
    private static final String VISIBLE_IN_THREAD =
            "m.status in (dev.missive.thread.MessageStatus.SENT, dev.missive.thread.MessageStatus.RETRACTED)";

    /** Later than anything is sent: "until" for those who see a thread whole. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Inject
    Clock clock;

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
        return em.createQuery(
                        "select p from Participant p where p.conversationId = :conversation" + " and p.party = :party",
                        Participant.class)
                .setParameter("conversation", conversationId)
                .setParameter("party", party)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Participant> participants(String conversationId) {
        return em.createQuery(
                        "select p from Participant p where p.conversationId = :conversation order by p.id",
                        Participant.class)
                .setParameter("conversation", conversationId)
                .getResultList();
    }

    @Override
    public Optional<ThreadView> find(ThreadScope scope, String id) {
        ScopedThreads threads = ScopedThreads.byId(scope, id);
        if (scope.hasInbox()) {
            return threads.query(em, "select new dev.missive.thread.ThreadView(c, p)", "", ThreadView.class)
                    .getResultStream()
                    .findFirst();
        }
        return threads.query(em, "select c", "", Conversation.class)
                .getResultStream()
                .findFirst()
                .map(conversation -> new ThreadView(conversation, null));
    }

    @Override
    public List<ThreadView> inbox(InboxQuery query, int offset, int limit) {
        ScopedThreads inbox = ScopedThreads.inbox(query, true, clock.instant());
        return inbox.query(
                        em,
                        "select new dev.missive.thread.ThreadView(c, p)",
                        inbox.orderedNewestFirst(),
                        ThreadView.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long inboxSize(InboxQuery query) {
        // Without a filter on the thread itself, a practitioner's count never leaves participant_inbox.
        boolean onThread = ScopedThreads.filtersOnThread(query.filter());
        String select =
                query.scope().party().isEmpty() || onThread || query.scope().patientSide()
                        ? "select count(c)"
                        : "select count(p)";
        return ScopedThreads.inbox(query, onThread, clock.instant())
                .query(em, select, "", Long.class)
                .getSingleResult();
    }

    @Override
    public List<Message> messages(String conversationId, Instant until, int offset, int limit) {
        return sentUntil(
                        em.createQuery(
                                "select m from Message m where m.conversationId = :conversation and "
                                        + VISIBLE_IN_THREAD + " and m.sent <= :until order by m.sent, m.id",
                                Message.class),
                        until)
                .setParameter("conversation", conversationId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long messageCount(String conversationId, Instant until) {
        return sentUntil(
                        em.createQuery(
                                "select count(m) from Message m where m.conversationId = :conversation and "
                                        + VISIBLE_IN_THREAD + " and m.sent <= :until",
                                Long.class),
                        until)
                .setParameter("conversation", conversationId)
                .getSingleResult();
    }

    @Override
    public List<ThreadChange> changes(String conversationId, Instant until) {
        return sentUntil(
                        em.createQuery(
                                "select t from ThreadChange t where t.conversationId = :conversation"
                                        + " and t.changed <= :until order by t.changed, t.id",
                                ThreadChange.class),
                        until)
                .setParameter("conversation", conversationId)
                .getResultList();
    }

    /** No limit is the end of time: one query text, whatever the caller sees. */
    private static <T> TypedQuery<T> sentUntil(TypedQuery<T> query, Instant until) {
        return query.setParameter("until", until == null ? END_OF_TIME : until);
    }

    @Override
    public void add(ThreadChange change) {
        em.persist(change);
    }

    @Override
    public List<Conversation> draftThreads(Collection<Party> authors) {
        // One query per author: a person has one party, a proxy one per patient they act for.
        return authors.stream()
                .flatMap(author -> em.createQuery(
                                "select c from Conversation c where c.status = :draft"
                                        + " and c.startedBy = :author order by c.lastActivity desc, c.id",
                                Conversation.class)
                        .setParameter("draft", ConversationStatus.DRAFT)
                        .setParameter("author", author)
                        .getResultStream())
                .toList();
    }

    @Override
    public List<Message> draftMessages(Collection<Party> authors) {
        return authors.stream()
                .flatMap(author -> em.createQuery(
                                "select m from Message m where m.status = :draft"
                                        + " and m.sender = :author order by m.sent desc, m.id",
                                Message.class)
                        .setParameter("draft", MessageStatus.DRAFT)
                        .setParameter("author", author)
                        .getResultStream())
                .toList();
    }

    @Override
    public List<Message> allMessages(String conversationId) {
        return em.createQuery(
                        "select m from Message m where m.conversationId = :conversation order by m.id", Message.class)
                .setParameter("conversation", conversationId)
                .getResultList();
    }

    @Override
    public void remove(Message message) {
        em.remove(message);
    }

    @Override
    public void remove(Conversation conversation) {
        em.remove(conversation);
    }

    @Override
    public List<Conversation> openThreadsOf(String practitionerId) {
        return em.createQuery(
                        "select c from Conversation c where c.practitionerId = :practitioner"
                                + " and c.status = :open order by c.id",
                        Conversation.class)
                .setParameter("practitioner", practitionerId)
                .setParameter("open", ConversationStatus.OPEN)
                .getResultList();
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
    public void add(StaffReply reply) {
        em.persist(reply);
    }

    @Override
    public void lock(String conversationId) {
        // select ... for update before anything else of the thread is read; the other writers wait.
        // The row alone, in SQL: a locking find also joins the thread's pool, and Hibernate then
        // locks in a second select on PostgreSQL that fails a writer who waited (409) instead of
        // letting it go next. (PESSIMISTIC_FORCE_INCREMENT is "for no key update nowait" there.)
        em.createNativeQuery("select id from conversation where id = :id for update")
                .setParameter("id", conversationId)
                .getResultList();
    }

    @Override
    public boolean hasMessageSince(String conversationId, Instant since, String messageId) {
        return !em.createQuery(
                        "select m.id from Message m where m.conversationId = :conversation"
                                + " and m.status = :sent and m.sent >= :since and m.id <> :message",
                        String.class)
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
        return em.createQuery(
                        "select m from Message m where m.conversationId = :conversation"
                                + " and m.status = :sent and m.received is null order by m.sent, m.id",
                        Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("sent", MessageStatus.SENT)
                .getResultList();
    }
}
