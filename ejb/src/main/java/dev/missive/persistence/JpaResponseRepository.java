package dev.missive.persistence;

import dev.missive.response.Escalation;
import dev.missive.response.ResponseRepository;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.StaffReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaResponseRepository implements ResponseRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public List<Conversation> overdueNotEscalated(Instant now, int limit) {
        return em.createQuery(
                        "select c from Conversation c where c.responseDue < :now and c.status = :open"
                                + " and not exists (select e from Escalation e where e.messageId = c.awaitingMessageId)"
                                + " order by c.responseDue, c.id",
                        Conversation.class)
                .setParameter("now", now)
                .setParameter("open", ConversationStatus.OPEN)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void add(Escalation escalation) {
        em.persist(escalation);
    }

    @Override
    public List<StaffReply> repliesBetween(Instant from, Instant to) {
        return em.createQuery(
                        "select r from StaffReply r where r.answered >= :from and r.answered < :to", StaffReply.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
