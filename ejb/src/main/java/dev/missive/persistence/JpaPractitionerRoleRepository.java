package dev.missive.persistence;

import dev.missive.directory.PractitionerRole;
import dev.missive.directory.PractitionerRoleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JpaPractitionerRoleRepository extends JpaDirectoryRepository<PractitionerRole>
        implements PractitionerRoleRepository {

    public JpaPractitionerRoleRepository() {
        super(PractitionerRole.class, null, "e.practitionerId");
    }

    @Override
    public List<PractitionerRole> findByPractitioner(String practitionerId) {
        return listBy("practitionerId", practitionerId);
    }
}
