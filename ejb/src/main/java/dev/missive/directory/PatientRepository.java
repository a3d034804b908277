package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface PatientRepository extends DirectoryRepository<Patient> {

    Optional<Patient> find(String id);

    List<Patient> findByPortalUsername(String username);

    Patient add(Patient patient);
}
