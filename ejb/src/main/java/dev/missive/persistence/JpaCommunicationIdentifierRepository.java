package dev.missive.persistence;

import dev.missive.service.IdentifierTakenException;
import dev.missive.thread.CommunicationIdentifier;
import dev.missive.thread.CommunicationIdentifierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

@ApplicationScoped
public class JpaCommunicationIdentifierRepository implements CommunicationIdentifierRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<CommunicationIdentifier> find(CommunicationIdentifier.Key key) {
        return Optional.ofNullable(em.find(CommunicationIdentifier.class, key));
    }

    @Override
    public void add(CommunicationIdentifier identifier) {
        try {
            em.persist(identifier);
            em.flush();
        } catch (PersistenceException taken) {
            // the key: another request of the same author gave the identifier first (a race of retries)
            throw new IdentifierTakenException();
        }
    }
}
