package dev.missive.persistence;

import dev.missive.domain.CareTeam;
import dev.missive.domain.CareTeamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCareTeamRepository implements CareTeamRepository {

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public Optional<CareTeam> find(String id) {
        return Optional.ofNullable(em.find(CareTeam.class, id));
    }

    @Override
    public List<CareTeam> findByPatient(String patientId) {
        return em.createQuery("select t from CareTeam t where t.patientId = :patient order by t.id", CareTeam.class)
                .setParameter("patient", patientId)
                .getResultList();
    }

    @Override
    public boolean isOnCareTeam(String patientId, String practitionerId) {
        return !em.createQuery("select t.id from CareTeam t join t.practitionerIds member"
                        + " where t.patientId = :patient and t.active = true and member = :practitioner", String.class)
                .setParameter("patient", patientId)
                .setParameter("practitioner", practitionerId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public CareTeam add(CareTeam careTeam) {
        em.persist(careTeam);
        return careTeam;
    }
}
