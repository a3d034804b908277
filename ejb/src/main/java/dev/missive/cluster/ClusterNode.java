package dev.missive.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node's heartbeat: when its current run started and when it was last seen alive. */
@Entity
@Table(name = "cluster_node")
public class ClusterNode {

    @Id
    @Column(length = 100)
    private String name;

    @Column(nullable = false)
    private Instant started;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected ClusterNode() {}

    public ClusterNode(String name, Instant started) {
        this.name = name;
        this.started = started;
        this.lastSeen = started;
    }

    public String getName() {
        return name;
    }

    public Instant getStarted() {
        return started;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    /** A new run of the same node: what its earlier run held is no longer held. */
    public void restarted(Instant at) {
        started = at;
        lastSeen = at;
    }

    public void seen(Instant at) {
        lastSeen = at;
    }
}
