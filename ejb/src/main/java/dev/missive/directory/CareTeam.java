package dev.missive.directory;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * The practitioners who look after one patient: who the patient may message. Or, marked as a
 * pool, a team of practitioners that is no patient's (clinic nurses): threads of the message
 * types it takes (none listed: every type) can be addressed to the team, whose members share them.
 */
@Entity
@Cacheable
@Table(name = "care_team")
@AttributeOverride(name = "patientId", column = @Column(name = "patient_id", length = 64))
public class CareTeam extends PatientRecord {

    @Column(nullable = false)
    private boolean pool;

    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "care_team_message_type", joinColumns = @JoinColumn(name = "care_team_id"))
    @Column(name = "message_type", length = 40)
    private Set<String> messageTypes = new LinkedHashSet<>();

    @Column(nullable = false)
    private boolean active = true;

    @Column(length = 255)
    private String name;

    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "care_team_member", joinColumns = @JoinColumn(name = "care_team_id"))
    @Column(name = "practitioner_id", length = 64)
    private Set<String> practitionerIds = new LinkedHashSet<>();

    protected CareTeam() {}

    public CareTeam(String id) {
        super(id);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Set<String> getPractitionerIds() {
        return practitionerIds;
    }

    public boolean isPool() {
        return pool;
    }

    public void setPool(boolean pool) {
        this.pool = pool;
    }

    /** The message types a pool takes; none: every type. */
    public Set<String> getMessageTypes() {
        return messageTypes;
    }

    /** An active pool that takes threads of this message type. */
    public boolean takesAsPool(String messageType) {
        return pool && active && (messageTypes.isEmpty() || messageTypes.contains(messageType));
    }

    public void copyFrom(CareTeam source) {
        setPatientId(source.getPatientId());
        this.pool = source.pool;
        this.messageTypes.clear();
        this.messageTypes.addAll(source.messageTypes);
        this.active = source.active;
        this.name = source.name;
        this.practitionerIds.clear();
        this.practitionerIds.addAll(source.practitionerIds);
    }
}
