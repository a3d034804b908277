package dev.missive.response;

import java.time.Duration;
import java.util.List;

/**
 * One practitioner's first replies in a period: how many, and the median and 90th percentile of
 * their response times by nearest rank (the shortest time within which at least half, or 90%,
 * of the replies came).
 */
public record PractitionerResponseTimes(String practitionerId, int replies, Duration median, Duration p90) {

    /** {@code times} not empty. */
    static PractitionerResponseTimes of(String practitionerId, List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        return new PractitionerResponseTimes(
                practitionerId, sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90));
    }

    private static Duration nearestRank(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
