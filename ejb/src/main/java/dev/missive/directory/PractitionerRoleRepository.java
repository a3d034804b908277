package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface PractitionerRoleRepository extends DirectoryRepository<PractitionerRole> {

    Optional<PractitionerRole> find(String id);

    List<PractitionerRole> findByPractitioner(String practitionerId);

    PractitionerRole add(PractitionerRole role);
}
