package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface PractitionerRepository extends DirectoryRepository<Practitioner> {

    Optional<Practitioner> find(String id);

    List<Practitioner> findByPortalUsername(String username);

    Practitioner add(Practitioner practitioner);
}
