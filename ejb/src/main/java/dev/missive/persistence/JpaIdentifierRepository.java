package dev.missive.persistence;

import dev.missive.directory.DirectoryEntry;
import dev.missive.directory.Identifier;
import dev.missive.directory.IdentifierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class JpaIdentifierRepository implements IdentifierRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Map<String, Set<Identifier>> of(Class<? extends DirectoryEntry> type, Collection<String> ids) {
        Map<String, Set<Identifier>> byEntry = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byEntry;
        }
        // One query for a whole page of entries, in the order the identifiers were stored.
        em.createQuery(
                        "select i from StoredIdentifier i where i.resourceType = :type and i.resourceId in :ids"
                                + " order by i.id",
                        StoredIdentifier.class)
                .setParameter("type", StoredIdentifier.typeOf(type))
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(stored -> byEntry.computeIfAbsent(stored.resourceId(), id -> new LinkedHashSet<>())
                        .add(stored.identifier()));
        return byEntry;
    }

    @Override
    public void replace(Class<? extends DirectoryEntry> type, String id, Set<Identifier> identifiers) {
        em.createQuery("delete from StoredIdentifier i where i.resourceType = :type and i.resourceId = :id")
                .setParameter("type", StoredIdentifier.typeOf(type))
                .setParameter("id", id)
                .executeUpdate();
        for (Identifier identifier : identifiers) {
            em.persist(new StoredIdentifier(StoredIdentifier.typeOf(type), id, identifier));
        }
    }
}
