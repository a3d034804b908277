package dev.missive.directory;

import java.util.List;
import java.util.Optional;

public interface EpisodeOfCareRepository extends DirectoryRepository<EpisodeOfCare> {

    Optional<EpisodeOfCare> find(String id);

    List<EpisodeOfCare> findByPatient(String patientId);

    EpisodeOfCare add(EpisodeOfCare episode);
}
