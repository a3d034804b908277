package dev.missive.cluster;

import java.time.Duration;

/** Scheduled work that must run once across the cluster takes a lease before each run. */
public interface Leases {

    /**
     * Takes the named lease for that long if nobody holds it, committed at once; answers whether
     * this node got it. A node that got it runs the job; the others skip this period.
     */
    boolean take(String name, Duration length);
}
