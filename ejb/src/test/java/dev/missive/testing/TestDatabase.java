package dev.missive.testing;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * An in-memory H2 database with the real migrations, and the real entities mapped on it by
 * Hibernate, as WildFly runs them. Made once per test JVM (Hibernate's start is the slow part);
 * each {@link #emptied()} call deletes every row, so each test starts from an empty clinic.
 */
public final class TestDatabase {

    private static final String URL = "jdbc:h2:mem:missive-tests;DB_CLOSE_DELAY=-1";
    private static EntityManagerFactory factory;

    private TestDatabase() {}

    /** A new persistence context on a database with no rows at all. */
    public static synchronized EntityManager emptied() {
        if (factory == null) {
            Flyway.configure()
                    .dataSource(URL, "sa", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            factory = Persistence.createEntityManagerFactory(
                    "missive-tests",
                    Map.of("hibernate.loaded_classes", mappedClasses(), "jakarta.persistence.jdbc.url", URL));
        }
        deleteEveryRow();
        return factory.createEntityManager();
    }

    private static void deleteEveryRow() {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'PUBLIC' and table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("set referential_integrity false");
            for (String table : tables) {
                statement.execute("truncate table \"" + table + "\"");
            }
            statement.execute("set referential_integrity true");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entity and embeddable of the ejb module, as the container maps them. */
    private static List<Class<?>> mappedClasses() {
        return ModuleClasses.all().stream()
                .filter(type -> type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class))
                .toList();
    }
}
