package dev.missive.persistence;

import dev.missive.directory.CareTeam;
import dev.missive.directory.CareTeamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JpaCareTeamRepository extends JpaDirectoryRepository<CareTeam> implements CareTeamRepository {

    public JpaCareTeamRepository() {
        super(CareTeam.class, "e.patientId", null);
    }

    @Override
    public List<CareTeam> findByPatient(String patientId) {
        return listBy("patientId", patientId);
    }

    @Override
    public List<CareTeam> findPools() {
        return listBy("pool", true);
    }

    @Override
    public boolean isOnCareTeam(String patientId, String practitionerId) {
        return !em.createQuery(
                        "select t.id from CareTeam t join t.practitionerIds practitioner"
                                + " where t.patientId = :patient and t.active = true and practitioner = :practitioner",
                        String.class)
                .setParameter("patient", patientId)
                .setParameter("practitioner", practitionerId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    String memberCondition() {
        return "(e.pool = true and :scopeMember member of e.practitionerIds)";
    }

    @Override
    String practitionerCondition() {
        return ":practitioner member of e.practitionerIds";
    }
}
