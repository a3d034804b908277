package dev.missive.persistence;

import dev.missive.directory.DirectoryEntry;
import dev.missive.directory.Identifier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One identifier of one directory entry: how {@link Identifier}s are stored, one table for every
 * type of entry so that "find by identifier" is the same indexed lookup for all of them.
 */
@Entity
@Table(name = "directory_identifier")
class StoredIdentifier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_type", nullable = false, length = 40)
    private String resourceType;

    @Column(name = "resource_id", nullable = false, length = 64)
    private String resourceId;

    @Column(name = "identifier_system", length = Identifier.MAX_SYSTEM_LENGTH)
    private String system;

    @Column(name = "identifier_value", nullable = false, length = Identifier.MAX_VALUE_LENGTH)
    private String value;

    protected StoredIdentifier() {}

    /** How a type of entry is named in the table: its entity name, which is also its FHIR resource type. */
    static String typeOf(Class<? extends DirectoryEntry> type) {
        return type.getSimpleName();
    }

    StoredIdentifier(String resourceType, String resourceId, Identifier identifier) {
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.system = identifier.system();
        this.value = identifier.value();
    }

    String resourceId() {
        return resourceId;
    }

    Identifier identifier() {
        return new Identifier(system, value);
    }
}
