package dev.missive.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.testing.TestClinic;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who is alive, from the heartbeats in the database: this node (the default name, as a single
 * node runs) and another node, "node-b", whose rows the test writes as that node would.
 */
class MembershipTest {

    private final TestClinic clinic = new TestClinic();
    private final Membership membership = clinic.bean(Membership.class);
    private final ClusterNodeRepository nodes = clinic.bean(ClusterNodeRepository.class);

    @Test
    void aNodeIsGoneOnceItsHeartbeatIsOlderThanTheWindowAndThisNodeIsNeverGone() {
        clinic.inTransaction(membership::join);
        nodes.add(new ClusterNode("node-b", clinic.clock.instant()));
        assertEquals(Set.of("missive", "node-b"), membership.alive());

        clinic.later(Duration.ofSeconds(10));
        assertEquals(Set.of("missive", "node-b"), membership.alive(), "seen exactly the window ago");
        clinic.later(Duration.ofSeconds(1));
        assertEquals(Set.of("missive"), membership.alive(), "node-b is gone; this node's own beat is late, not gone");

        clinic.inTransaction(() -> nodes.find("node-b").orElseThrow().seen(clinic.clock.instant()));
        assertEquals(Set.of("missive", "node-b"), membership.alive(), "a late heartbeat brings it back");
    }

    @Test
    void theHeartbeatKeepsThisNodeAliveAndARestartBeginsANewRun() {
        Instant firstRun = clinic.clock.instant();
        clinic.inTransaction(membership::join);
        clinic.later(Duration.ofSeconds(2));
        clinic.inTransaction(membership::heartbeat);
        ClusterNode node = nodes.find("missive").orElseThrow();
        assertEquals(firstRun, node.getStarted());
        assertEquals(clinic.clock.instant(), node.getLastSeen());

        clinic.later(Duration.ofMinutes(1));
        clinic.inTransaction(membership::join);
        assertEquals(clinic.clock.instant(), nodes.find("missive").orElseThrow().getStarted());
    }

    @Test
    void whatANodeTookIsStillWorkedOnOnlyWhileItRunsTheSameRun() {
        Instant claimed = clinic.clock.instant();
        nodes.add(new ClusterNode("node-b", claimed.minusSeconds(60)));
        clinic.inTransaction(() -> nodes.find("node-b").orElseThrow().seen(claimed));
        assertTrue(membership.stillRunsSince("node-b", claimed));

        clinic.later(Duration.ofSeconds(5));
        clinic.inTransaction(() -> nodes.find("node-b").orElseThrow().restarted(clinic.clock.instant()));
        assertFalse(membership.stillRunsSince("node-b", claimed), "restarted since: that attempt is over");
        assertTrue(membership.stillRunsSince("node-b", clinic.clock.instant()));

        clinic.later(Duration.ofSeconds(11));
        assertFalse(membership.stillRunsSince("node-b", clinic.clock.instant().minusSeconds(11)), "gone");
        assertFalse(membership.stillRunsSince("node-c", claimed), "never seen");
    }
}
