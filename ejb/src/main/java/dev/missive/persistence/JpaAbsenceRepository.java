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
        // SQL, as JpaCommunicationIdentifierRepository.ofCommunications: this runs for every inbox
        // page, and Hibernate translates a JPQL query with a list parameter anew on every call
        @SuppressWarnings("unchecked")
        List<Absence> found = em.createNativeQuery(
                        "select * from practitioner_absence where practitioner_id in (:ids)", Absence.class)
                .setParameter("ids", practitionerIds)
                .getResultList();
        return found;
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
