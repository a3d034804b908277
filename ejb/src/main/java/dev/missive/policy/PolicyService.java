package dev.missive.policy;

import jakarta.ejb.Local;

/** The clinic's messaging policy: read by every rule, changed by a clinic admin. */
@Local
public interface PolicyService {

    /** The policy in force: the saved one, or the defaults (messaging off) if none was saved. */
    ClinicPolicy current();

    /** Replaces the policy (clinic admins only); {@code expectedVersion} as with If-Match. */
    ClinicPolicy update(ClinicPolicy edited, Long expectedVersion);
}
