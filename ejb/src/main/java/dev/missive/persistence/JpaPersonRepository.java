package dev.missive.persistence;

import dev.missive.domain.Person;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Lookups shared by the patient and practitioner directories. */
abstract class JpaPersonRepository<T extends Person> {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    private final Class<T> type;

    JpaPersonRepository(Class<T> type) {
        this.type = type;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(em.find(type, id));
    }

    public List<T> findByPortalUsername(String username) {
        return em.createQuery("select p from " + type.getSimpleName()
                        + " p where p.portalUsername = :username order by p.id", type)
                .setParameter("username", username)
                .getResultList();
    }

    public T add(T person) {
        em.persist(person);
        return person;
    }
}
