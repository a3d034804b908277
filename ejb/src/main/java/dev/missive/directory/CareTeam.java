package dev.missive.directory;

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

/** The practitioners who look after one patient: who the patient may message. */
@Entity
@Cacheable
@Table(name = "care_team")
public class CareTeam extends PatientRecord {

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

    public void copyFrom(CareTeam source) {
        setPatientId(source.getPatientId());
        this.active = source.active;
        this.name = source.name;
        this.practitionerIds.clear();
        this.practitionerIds.addAll(source.practitionerIds);
    }
}
