package dev.missive.persistence;

import dev.missive.directory.Identifier;
import dev.missive.service.IdentifierTakenException;
import dev.missive.thread.CommunicationIdentifier;
import dev.missive.thread.CommunicationIdentifierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.List;
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

    @Override
    public List<CommunicationIdentifier> ofCommunications(Collection<String> communicationIds) {
        // SQL, not JPQL: Hibernate translates a JPQL query with a list parameter anew on every call,
        // and this one runs for every page of messages read
        @SuppressWarnings("unchecked")
        List<CommunicationIdentifier> found = em.createNativeQuery(
                        "select * from communication_identifier where communication_id in (:ids)",
                        CommunicationIdentifier.class)
                .setParameter("ids", communicationIds)
                .getResultList();
        return found;
    }

    @Override
    public List<String> communicationsCarrying(Identifier identifier, int limit) {
        // SQL: "value" is a word of JPQL's own
        boolean anySystem = identifier.system() == null;
        var query = em.createNativeQuery(
                        "select communication_id from communication_identifier where identifier_value = :value"
                                + (anySystem ? "" : " and identifier_system = :system")
                                + " order by communication_id",
                        String.class)
                .setParameter("value", identifier.value())
                .setMaxResults(limit);
        if (!anySystem) {
            query.setParameter("system", identifier.system());
        }
        return query.getResultList().stream().map(String.class::cast).toList();
    }
}
