package dev.missive.persistence;

import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAttachmentRepository implements AttachmentRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<Attachment> find(String id) {
        return Optional.ofNullable(em.find(Attachment.class, id));
    }

    @Override
    public List<Attachment> unattachedBefore(Instant cutoff, int limit) {
        return em.createQuery(
                        "select a from Attachment a where a.messageId is null and a.created < :cutoff"
                                + " order by a.created",
                        Attachment.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void add(Attachment attachment) {
        em.persist(attachment);
    }

    @Override
    public void remove(Attachment attachment) {
        em.remove(attachment);
    }
}
