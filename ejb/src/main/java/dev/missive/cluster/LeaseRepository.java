package dev.missive.cluster;

import java.util.Optional;

public interface LeaseRepository {

    /** The lease, locked until the transaction ends: two nodes never both see it free. */
    Optional<Lease> findLocked(String name);

    void add(Lease lease);
}
