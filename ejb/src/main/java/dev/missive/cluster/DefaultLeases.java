package dev.missive.cluster;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A lease is a row locked while it is looked at, so that of nodes asking at once one sees it free
 * and the rest see it taken. Its length is shorter than the job's period (the next run finds it
 * free) and longer than a run and the nodes' clock differences (another node's run at the same
 * scheduled time finds it taken). A migration creates each lease's row; a name without one is
 * created by its first taker.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultLeases implements Leases {

    @Inject
    LeaseRepository leases;

    @Inject
    Membership membership;

    @Inject
    Clock clock;

    @Override
    public boolean take(String name, Duration length) {
        Instant now = clock.instant();
        Instant until = now.plus(length);
        return leases.findLocked(name)
                .map(lease -> {
                    if (lease.isHeldAt(now)) {
                        return false;
                    }
                    lease.grant(membership.self(), until);
                    return true;
                })
                .orElseGet(() -> {
                    leases.add(new Lease(name, membership.self(), until));
                    return true;
                });
    }
}
