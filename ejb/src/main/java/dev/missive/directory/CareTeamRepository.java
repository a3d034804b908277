package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface CareTeamRepository extends DirectoryRepository<CareTeam> {

    Optional<CareTeam> find(String id);

    List<CareTeam> findByPatient(String patientId);

    /** Whether the practitioner is on an active care team of the patient. */
    boolean isOnCareTeam(String patientId, String practitionerId);

    /** The pools, active or not. */
    List<CareTeam> findPools();

    CareTeam add(CareTeam careTeam);
}
