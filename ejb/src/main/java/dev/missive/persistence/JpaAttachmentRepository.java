package dev.missive.persistence;

import dev.missive.domain.Attachment;
import dev.missive.domain.AttachmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
    public void add(Attachment attachment) {
        em.persist(attachment);
    }

    @Override
    public void remove(Attachment attachment) {
        em.remove(attachment);
    }
}
