package dev.missive.persistence;

import dev.missive.quickreply.QuickReply;
import dev.missive.quickreply.QuickReplyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaQuickReplyRepository implements QuickReplyRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void add(QuickReply reply) {
        em.persist(reply);
    }

    @Override
    public Optional<QuickReply> find(String id) {
        return Optional.ofNullable(em.find(QuickReply.class, id));
    }

    @Override
    public List<QuickReply> all() {
        return em.createQuery("select q from QuickReply q order by q.title, q.id", QuickReply.class)
                .getResultList();
    }

    @Override
    public void remove(QuickReply reply) {
        em.remove(reply);
    }
}
