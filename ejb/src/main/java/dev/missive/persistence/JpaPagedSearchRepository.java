package dev.missive.persistence;

import dev.missive.search.PagedSearch;
import dev.missive.search.PagedSearchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaPagedSearchRepository implements PagedSearchRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void add(PagedSearch search) {
        em.persist(search);
    }

    @Override
    public Optional<PagedSearch> find(String id) {
        return Optional.ofNullable(em.find(PagedSearch.class, id));
    }

    @Override
    public void deleteStoredBefore(Instant cutoff) {
        em.createQuery("delete from PagedSearch s where s.stored < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
