package dev.missive.persistence;

import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class JpaPractitionerRepository extends JpaPersonRepository<Practitioner> implements PractitionerRepository {

    public JpaPractitionerRepository() {
        super(Practitioner.class, null, "e.id");
    }
}
