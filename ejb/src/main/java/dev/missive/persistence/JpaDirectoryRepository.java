package dev.missive.persistence;

import dev.missive.domain.DirectoryEntry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Find, add, and list-by-attribute for every kind of directory entry. */
abstract class JpaDirectoryRepository<T extends DirectoryEntry> {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    private final Class<T> type;

    JpaDirectoryRepository(Class<T> type) {
        this.type = type;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(em.find(type, id));
    }

    public T add(T entry) {
        em.persist(entry);
        return entry;
    }

    /** Entries whose attribute (a mapped field name, never user input) equals the value, by id. */
    List<T> listBy(String attribute, Object value) {
        return em.createQuery("select e from " + type.getSimpleName() + " e where e." + attribute
                        + " = :value order by e.id", type)
                .setParameter("value", value)
                .getResultList();
    }
}
