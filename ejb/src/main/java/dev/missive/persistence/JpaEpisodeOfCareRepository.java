package dev.missive.persistence;

import dev.missive.directory.EpisodeOfCare;
import dev.missive.directory.EpisodeOfCareRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JpaEpisodeOfCareRepository extends JpaDirectoryRepository<EpisodeOfCare>
        implements EpisodeOfCareRepository {

    public JpaEpisodeOfCareRepository() {
        super(EpisodeOfCare.class, "e.patientId", null);
    }

    @Override
    public List<EpisodeOfCare> findByPatient(String patientId) {
        return listBy("patientId", patientId);
    }
}
