package dev.missive.persistence;

import dev.missive.cluster.ClusterNode;
import dev.missive.cluster.ClusterNodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaClusterNodeRepository implements ClusterNodeRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<ClusterNode> find(String name) {
        return Optional.ofNullable(em.find(ClusterNode.class, name));
    }

    @Override
    public void add(ClusterNode node) {
        em.persist(node);
    }

    @Override
    public List<String> seenSince(Instant since) {
        return em.createQuery("select n.name from ClusterNode n where n.lastSeen >= :since", String.class)
                .setParameter("since", since)
                .getResultList();
    }
}
