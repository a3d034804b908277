package dev.missive.response;

import dev.missive.policy.BusinessCalendar;
import dev.missive.policy.ClinicHours;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.thread.StaffReply;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultResponseTimes implements ResponseTimes {

    /** A longer period would read more replies than a report needs at once. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    @Inject
    ResponseRepository responses;

    @Inject
    CallerContext callers;

    @Inject
    ClinicHours hours;

    @Override
    public List<PractitionerResponseTimes> byPractitioner(Instant from, Instant to) {
        return timesBy(repliesBetween(from, to), StaffReply::getPractitionerId).entrySet().stream()
                .map(entry -> PractitionerResponseTimes.of(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(PractitionerResponseTimes::replies)
                        .reversed())
                .toList();
    }

    @Override
    public List<TeamResponseTimes> byPool(Instant from, Instant to) {
        List<StaffReply> pooled = repliesBetween(from, to).stream()
                .filter(reply -> reply.getPoolId() != null)
                .toList();
        return timesBy(pooled, StaffReply::getPoolId).entrySet().stream()
                .map(entry -> TeamResponseTimes.of(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(TeamResponseTimes::replies).reversed())
                .toList();
    }

    private List<StaffReply> repliesBetween(Instant from, Instant to) {
        if (!callers.current().has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only a clinic admin reads response times");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidRequestException("A period has a start before its end");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidRequestException("A period is at most 366 days");
        }
        return responses.repliesBetween(from, to);
    }

    /**
     * The business-time response times of the replies by key, in key order: the report lists
     * ties in a stable order.
     */
    private Map<String, List<Duration>> timesBy(List<StaffReply> replies, Function<StaffReply, String> key) {
        BusinessCalendar calendar = hours.calendar();
        return replies.stream()
                .collect(Collectors.groupingBy(
                        key,
                        TreeMap::new,
                        Collectors.mapping(reply -> reply.responseTime(calendar), Collectors.toList())));
    }
}
