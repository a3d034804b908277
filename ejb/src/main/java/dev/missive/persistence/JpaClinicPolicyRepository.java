package dev.missive.persistence;

import dev.missive.policy.ClinicPolicy;
import dev.missive.policy.ClinicPolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaClinicPolicyRepository implements ClinicPolicyRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<ClinicPolicy> find() {
        return Optional.ofNullable(em.find(ClinicPolicy.class, ClinicPolicy.SINGLETON_ID));
    }

    @Override
    public ClinicPolicy add(ClinicPolicy policy) {
        em.persist(policy);
        return policy;
    }
}
