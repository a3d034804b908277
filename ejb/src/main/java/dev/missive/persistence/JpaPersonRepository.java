package dev.missive.persistence;

import dev.missive.directory.Person;
import java.util.List;

/** Lookups shared by the directories of people who sign in. */
abstract class JpaPersonRepository<T extends Person> extends JpaDirectoryRepository<T> {

    JpaPersonRepository(Class<T> type, String patientPath, String staffPath) {
        super(type, patientPath, staffPath);
    }

    public List<T> findByPortalUsername(String username) {
        return listBy("portalUsername", username);
    }

    @Override
    String nameExpression() {
        return "lower(concat(coalesce(e.givenName, ''), ' ', coalesce(e.familyName, '')))";
    }

    @Override
    String accountPath() {
        return "e.portalUsername";
    }
}
