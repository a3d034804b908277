package dev.missive.policy;

import java.util.Optional;

public interface ClinicPolicyRepository {

    /** The stored policy, if a clinic admin ever saved one. */
    Optional<ClinicPolicy> find();

    ClinicPolicy add(ClinicPolicy policy);
}
