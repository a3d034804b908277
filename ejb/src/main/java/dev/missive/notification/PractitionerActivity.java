package dev.missive.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a practitioner last made a request, on whichever node. */
@Entity
@Table(name = "staff_activity")
public class PractitionerActivity {

    @Id
    @Column(name = "practitioner_id", length = 64)
    private String practitionerId;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected PractitionerActivity() {}

    public PractitionerActivity(String practitionerId, Instant lastSeen) {
        this.practitionerId = practitionerId;
        this.lastSeen = lastSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public void seen(Instant at) {
        lastSeen = at;
    }
}
