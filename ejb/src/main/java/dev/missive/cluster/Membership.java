package dev.missive.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's place in the cluster, kept in the database: it joins at start-up (a new run under
 * its name, the system property {@code jboss.node.name}), heartbeats every two seconds, and
 * counts another node as gone once its heartbeat is older than the window. Comparing one node's
 * timestamps with another's clock assumes clocks kept within a second or so (NTP); the window is
 * many heartbeats long so that a pause or a slow commit does not make a live node look gone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Membership {

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "missive")
    String name;

    /** How long after its last heartbeat a node counts as gone (seconds). */
    @Inject
    @ConfigProperty(name = "missive.cluster.node.gone.seconds", defaultValue = "10")
    int goneSeconds;

    @Inject
    ClusterNodeRepository nodes;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void join() {
        Instant now = clock.instant();
        nodes.find(name).ifPresentOrElse(node -> node.restarted(now), () -> nodes.add(new ClusterNode(name, now)));
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void heartbeat() {
        Instant now = clock.instant();
        nodes.find(name).ifPresentOrElse(node -> node.seen(now), () -> nodes.add(new ClusterNode(name, now)));
    }

    /** This node's name. */
    public String self() {
        return name;
    }

    /** The nodes not gone, this one always among them whatever its last heartbeat says. */
    public Set<String> alive() {
        Set<String> alive = new HashSet<>(nodes.seenSince(goneBefore()));
        alive.add(name);
        return alive;
    }

    /**
     * Whether that node is alive in the same run as at that instant: what it took then (a claim)
     * is still being worked on there. False once it is gone or has restarted since.
     */
    public boolean stillRunsSince(String node, Instant since) {
        return nodes.find(node)
                .filter(n -> !n.getLastSeen().isBefore(goneBefore()))
                .filter(n -> !n.getStarted().isAfter(since))
                .isPresent();
    }

    private Instant goneBefore() {
        return clock.instant().minus(Duration.ofSeconds(goneSeconds));
    }
}
