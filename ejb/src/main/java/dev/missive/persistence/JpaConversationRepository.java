package dev.missive.persistence;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationRepository;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.InboxQuery;
import dev.missive.thread.Message;
import dev.missive.thread.MessageStatus;
import dev.missive.thread.Participant;
import dev.missive.thread.ThreadStatusReason;
import dev.missive.thread.ThreadView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
    public List<ThreadView> inbox(InboxQuery query, int offset, int limit) {
        // A person's inbox is one range scan of participant_inbox; a proxy's, of
        // conversation_patient_activity for each patient they act for.
        String order = query.forProxy() ? " order by c.lastActivity desc, c.id"
                : " order by p.lastActivity desc, p.conversationId";
        return inboxQuery("select new dev.missive.thread.ThreadView(c, p)", order, query, ThreadView.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long inboxSize(InboxQuery query) {
        // Without a filter on the thread itself, a person's count never leaves participant_inbox.
        boolean threadFilter = query.category() != null || query.patientId() != null || query.text() != null
                || query.patientSide();
        String select = query.forProxy() || threadFilter ? "select count(c)" : "select count(p)";
        return inboxQuery(select, "", query, Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> inboxQuery(String select, String order, InboxQuery query, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select);
        if (query.forProxy()) {
            jpql.append(" from Conversation c left join Participant p on p.conversationId = c.id"
                    + " and p.party.type = :relatedPerson and p.party.id in :proxyIds"
                    + " where c.patientId in :proxyPatients and c.confidential = false and c.status <> :draft");
        } else if (select.contains("(c") || query.category() != null || query.patientId() != null
                || query.text() != null || query.patientSide()) {
            jpql.append(" from Participant p join Conversation c on c.id = p.conversationId where p.party = :party");
        } else {
            jpql.append(" from Participant p where p.party = :party");
        }
        if (query.patientSide()) {
            jpql.append(" and (c.statusReason is null or c.statusReason <> :merged)");
        }
        if (query.after() != null) {
            String at = query.forProxy() ? "c.lastActivity" : "p.lastActivity";
            String id = query.forProxy() ? "c.id" : "p.conversationId";
            jpql.append(" and (" + at + " < :afterActivity or (" + at + " = :afterActivity and " + id + " > :afterId))");
        }
        if (query.archived() != null) {
            jpql.append(query.archived() ? " and p.archived = true" : " and (p is null or p.archived = false)");
        }
        if (query.unreadOnly()) {
            jpql.append(" and p.unread > 0");
        }
        if (query.category() != null) {
            jpql.append(" and c.category = :category");
        }
        if (query.patientId() != null) {
            jpql.append(" and c.patientId = :patient");
        }
        if (query.text() != null) {
            jpql.append(" and (lower(c.topic) like :text escape '!'"
                    + " or exists (select m.id from Message m where m.conversationId = c.id and m.status = :sent"
                    + " and lower(m.text) like :text escape '!')"
                    + " or exists (select pt.id from Patient pt where pt.id = c.patientId"
                    + " and lower(concat(coalesce(pt.givenName, ''), ' ', coalesce(pt.familyName, ''))) like :text escape '!')"
                    + " or exists (select pr.id from Practitioner pr where pr.id = c.practitionerId"
                    + " and lower(concat(coalesce(pr.givenName, ''), ' ', coalesce(pr.familyName, ''))) like :text escape '!'))");
        }
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type);
        if (query.forProxy()) {
            typed.setParameter("relatedPerson", PartyType.RELATED_PERSON)
                    .setParameter("proxyIds", query.proxyParties().stream().map(Party::id).toList())
                    .setParameter("proxyPatients", query.proxyPatients())
                    .setParameter("draft", ConversationStatus.DRAFT);
        } else {
            typed.setParameter("party", query.party());
        }
        if (query.patientSide()) {
            typed.setParameter("merged", ThreadStatusReason.PATIENT_MERGED);
        }
        if (query.after() != null) {
            typed.setParameter("afterActivity", query.after().lastActivity())
                    .setParameter("afterId", query.after().conversationId());
        }
        if (query.category() != null) {
            typed.setParameter("category", query.category());
        }
        if (query.patientId() != null) {
            typed.setParameter("patient", query.patientId());
        }
        if (query.text() != null) {
            typed.setParameter("text", "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%")
                    .setParameter("sent", MessageStatus.SENT);
        }
        return typed;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
    public List<Conversation> draftThreads(Collection<Party> authors) {
        // One query per author: a person has one party, a proxy one per patient they act for.
        return authors.stream()
                .flatMap(author -> em.createQuery("select c from Conversation c where c.status = :draft"
                                + " and c.startedBy = :author order by c.lastActivity desc, c.id", Conversation.class)
                        .setParameter("draft", ConversationStatus.DRAFT)
                        .setParameter("author", author)
                        .getResultStream())
                .toList();
    }

    @Override
    public List<Message> draftMessages(Collection<Party> authors) {
        return authors.stream()
                .flatMap(author -> em.createQuery("select m from Message m where m.status = :draft"
                                + " and m.sender = :author order by m.sent desc, m.id", Message.class)
                        .setParameter("draft", MessageStatus.DRAFT)
                        .setParameter("author", author)
                        .getResultStream())
                .toList();
    }

    @Override
    public List<Message> allMessages(String conversationId) {
        return em.createQuery("select m from Message m where m.conversationId = :conversation order by m.id", Message.class)
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
        return em.createQuery("select c from Conversation c where c.practitionerId = :practitioner"
                        + " and c.status = :open order by c.id", Conversation.class)
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
    public void lock(String conversationId) {
        // select ... for update before anything else of the thread is read; the other writers wait.
        // (PESSIMISTIC_FORCE_INCREMENT is "for no key update nowait" on PostgreSQL: they would fail.)
        em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
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
