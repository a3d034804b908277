package dev.missive.policy;

import dev.missive.security.Roles;
import dev.missive.service.ColumnLimits;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.VersionConflictException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

@Stateless
@PermitAll
public class DefaultPolicyService implements PolicyService {

    @Inject
    ClinicPolicyRepository policies;

    @Inject
    Clock clock;

    @Override
    public ClinicPolicy current() {
        return policies.find().orElseGet(ClinicPolicy::new);
    }

    /** A quarter's business days: beyond it a promise means nothing to a patient. */
    private static final int MAX_RESPONSE_BUSINESS_DAYS = 60;

    @Override
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public ClinicPolicy update(ClinicPolicy edited, Long expectedVersion) {
        ColumnLimits.check(edited, "The clinic policy");
        if (!ClinicPolicy.MESSAGE_TYPES.containsAll(edited.getMessageTypes())) {
            throw new InvalidRequestException("Unknown message type in the policy");
        }
        if (edited.getRetractWindow().isNegative() || edited.getAppointmentWindowDays() < 0) {
            throw new InvalidRequestException("Windows cannot be negative");
        }
        if (edited.getResponseBusinessDays() < 0 || edited.getResponseBusinessDays() > MAX_RESPONSE_BUSINESS_DAYS) {
            throw new InvalidRequestException(
                    "The response time is 0 to " + MAX_RESPONSE_BUSINESS_DAYS + " business days");
        }
        ClinicPolicy stored = policies.find().orElseGet(() -> policies.add(new ClinicPolicy()));
        VersionConflictException.requireCurrent(
                expectedVersion, stored.getVersion(), "Organization", ClinicPolicy.SINGLETON_ID);
        stored.copyFrom(edited, clock.instant());
        return stored;
    }
}
