package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface ConsentRepository extends DirectoryRepository<Consent> {

    Optional<Consent> find(String id);

    List<Consent> findByPatient(String patientId);

    Consent add(Consent consent);
}
