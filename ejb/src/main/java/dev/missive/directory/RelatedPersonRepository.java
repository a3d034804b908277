package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface RelatedPersonRepository extends DirectoryRepository<RelatedPerson> {

    Optional<RelatedPerson> find(String id);

    /** Every proxy record of that account: one per patient they may act for. */
    List<RelatedPerson> findByPortalUsername(String username);

    List<RelatedPerson> findByPatient(String patientId);

    RelatedPerson add(RelatedPerson relatedPerson);
}
