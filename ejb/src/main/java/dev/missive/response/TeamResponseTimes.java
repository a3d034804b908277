package dev.missive.response;

import java.time.Duration;
import java.util.List;

/** One team pool's first replies in a period, whoever of its members answered: as {@link PractitionerResponseTimes}. */
public record TeamResponseTimes(String poolId, int replies, Duration median, Duration p90) {

    /** {@code times} not empty. */
    static TeamResponseTimes of(String poolId, List<Duration> times) {
        PractitionerResponseTimes figures = PractitionerResponseTimes.of(poolId, times);
        return new TeamResponseTimes(poolId, figures.replies(), figures.median(), figures.p90());
    }
}
