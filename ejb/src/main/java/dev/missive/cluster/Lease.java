package dev.missive.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The right to run a scheduled job, held by one node until it expires. */
@Entity
@Table(name = "scheduled_lease")
public class Lease {

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = 100)
    private String holder;

    @Column(nullable = false)
    private Instant expires;

    protected Lease() {}

    public Lease(String name, String holder, Instant expires) {
        this.name = name;
        this.holder = holder;
        this.expires = expires;
    }

    public boolean isHeldAt(Instant instant) {
        return instant.isBefore(expires);
    }

    public void grant(String node, Instant until) {
        holder = node;
        expires = until;
    }

    public String getHolder() {
        return holder;
    }
}
