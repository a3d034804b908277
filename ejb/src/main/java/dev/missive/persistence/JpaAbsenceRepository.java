package dev.missive.persistence;

import dev.missive.cover.Absence;
import dev.missive.cover.AbsenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAbsenceRepository implements AbsenceRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<Absence> find(String practitionerId) {
        return Optional.ofNullable(em.find(Absence.class, practitionerId));
    }

    @Override
    public List<Absence> findAll(Collection<String> practitionerIds) {
        if (practitionerIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Absence a where a.practitionerId in :ids", Absence.class)
                .setParameter("ids", practitionerIds)
                .getResultList();
    }

    @Override
    public void add(Absence absence) {
        em.persist(absence);
    }

    @Override
    public void remove(Absence absence) {
        em.remove(absence);
    }
}
