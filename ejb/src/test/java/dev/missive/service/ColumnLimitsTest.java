package dev.missive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditAgent;
import dev.missive.audit.AuditRecord;
import dev.missive.directory.CareTeam;
import dev.missive.directory.Patient;
import dev.missive.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.Test;

class ColumnLimitsTest {

    @Test
    void textLongerThanItsColumnIsRefusedNamingTheFieldButNotTheValue() {
        Patient patient = new Patient("p1");
        patient.setFamilyName("x".repeat(255));
        ColumnLimits.check(patient, "The Patient");

        String secret = "Diagnosis-" + "y".repeat(250);
        patient.setFamilyName(secret);
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> ColumnLimits.check(patient, "The Patient"));
        assertEquals("The Patient's familyName is longer than its limit of 255 characters", refused.getMessage());
        assertFalse(refused.getMessage().contains("Diagnosis"));

        patient.setFamilyName("Lee");
        patient.setLocale("en-" + "x".repeat(40));
        assertTrue(assertThrows(InvalidRequestException.class, () -> ColumnLimits.check(patient, "The Patient"))
                .getMessage()
                .contains("locale"));
    }

    @Test
    void eachElementOfACollectionIsHeldToItsColumn() {
        CareTeam team = new CareTeam("t1");
        team.getPractitionerIds().add("z".repeat(65));
        assertThrows(InvalidRequestException.class, () -> ColumnLimits.check(team, "The CareTeam"));
    }

    @Test
    void anAuditRecordOfAnyRequestFitsItsColumns() {
        AuditRecord record = new AuditRecord(
                Instant.EPOCH,
                new AuditAgent("alice", "patient", null, null),
                new AuditAccess(
                        "read", "Communication", "i".repeat(500), null, "q".repeat(5000), 404, "::1", null, null));
        assertEquals(64, record.what().resourceId().length());
        assertEquals(1000, record.what().query().length());
    }

    /** The limits checked are the ones the database has: an entity's @Column that disagrees fails here. */
    @Test
    void everyLimitIsTheSchemasOwn() throws SQLException {
        EntityManager em = TestDatabase.emptied();
        MappingMetamodel mapping = em.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel();
        Map<String, Integer> lengths = columnLengths(em);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            AbstractEntityPersister persister =
                    (AbstractEntityPersister) mapping.getEntityDescriptor(entity.getJavaType());
            for (Class<?> type = entity.getJavaType(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!ColumnLimits.isPersistent(field)) {
                        continue;
                    }
                    String column = column(mapping, persister, field);
                    if (column == null) {
                        continue;
                    }
                    checked++;
                    Integer inSchema = lengths.get(column);
                    if (inSchema == null || inSchema != ColumnLimits.limitOf(field)) {
                        disagreements.add(
                                type.getSimpleName() + "." + field.getName() + ": " + ColumnLimits.limitOf(field)
                                        + " in the entity, " + inSchema + " in the schema (" + column + ")");
                    }
                }
            }
        }
        assertTrue(checked > 30, "the text columns were found: " + checked);
        assertEquals(List.of(), disagreements);
    }

    /** table.column of the field's text, or null if it is not text (a collection of something else). */
    private static String column(MappingMetamodel mapping, AbstractEntityPersister persister, Field field) {
        if (field.getType() == String.class) {
            String[] columns = persister.getPropertyColumnNames(field.getName());
            return (persister.getTableName() + "." + columns[0]).toUpperCase(Locale.ROOT);
        }
        AbstractCollectionPersister collection = (AbstractCollectionPersister)
                mapping.getCollectionDescriptor(persister.getEntityName() + "." + field.getName());
        if (collection.getElementType().getReturnedClass() != String.class) {
            return null;
        }
        return (collection.getTableName() + "." + collection.getElementColumnNames()[0]).toUpperCase(Locale.ROOT);
    }

    private static Map<String, Integer> columnLengths(EntityManager em) {
        Map<String, Integer> lengths = new HashMap<>();
        em.unwrap(Session.class).doWork((Connection connection) -> {
            try (ResultSet rows = connection
                    .createStatement()
                    .executeQuery("select table_name, column_name, character_maximum_length"
                            + " from information_schema.columns where table_schema = 'PUBLIC'"
                            + " and data_type = 'CHARACTER VARYING'")) {
                while (rows.next()) {
                    lengths.put(rows.getString(1) + "." + rows.getString(2), rows.getInt(3));
                }
            }
        });
        return lengths;
    }
}
