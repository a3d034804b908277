package dev.missive.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What every directory record shares: an id chosen by the integration engine or by Missive, an
 * optimistic-locking version (the FHIR versionId) and when it last changed.
 */
@MappedSuperclass
public abstract class DirectoryEntry {

    @Id
    @Column(length = 64)
    private String id;

    @Version
    private long version;

    @Column(name = "last_updated", nullable = false)
    private Instant lastUpdated;

    /**
     * Every identifier the entry carries. They live in one table for all types (see
     * {@link IdentifierRepository}); the directory service loads and stores them with the entry,
     * so an entry read straight from its repository has none here.
     */
    @Transient
    private final Set<Identifier> identifiers = new LinkedHashSet<>();

    protected DirectoryEntry() {}

    protected DirectoryEntry(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    /** Entries created without an id from the integration engine get one of Missive's. */
    public void assignIdIfMissing() {
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
    }

    public long getVersion() {
        return version;
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }

    public void touch(Instant now) {
        this.lastUpdated = now;
    }

    public Set<Identifier> getIdentifiers() {
        return identifiers;
    }

    public void replaceIdentifiers(Collection<Identifier> replacement) {
        identifiers.clear();
        identifiers.addAll(replacement);
    }
}
