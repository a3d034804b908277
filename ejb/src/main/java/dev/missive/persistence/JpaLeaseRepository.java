package dev.missive.persistence;

import dev.missive.cluster.Lease;
import dev.missive.cluster.LeaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaLeaseRepository implements LeaseRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<Lease> findLocked(String name) {
        return Optional.ofNullable(em.find(Lease.class, name, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(Lease lease) {
        em.persist(lease);
    }
}
