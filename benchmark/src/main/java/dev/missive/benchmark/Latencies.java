package dev.missive.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of one kind of operation (milliseconds), and the error answers it got. */
final class Latencies {

    record Summary(
            String operation,
            int count,
            double perSecond,
            double p50,
            double p95,
            double p99,
            double max,
            int errors) {}

    private final List<Double> millis = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    synchronized void add(double ms) {
        millis.add(ms);
    }

    synchronized void error(String description) {
        errors.add(description);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized Summary summary(String operation, double seconds) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        return new Summary(
                operation,
                sorted.size() + errors.size(),
                (sorted.size() + errors.size()) / seconds,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                errors.size());
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static Map<String, Object> asMap(Summary s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", s.count());
        map.put("perSecond", round(s.perSecond()));
        map.put("p50Ms", round(s.p50()));
        map.put("p95Ms", round(s.p95()));
        map.put("p99Ms", round(s.p99()));
        map.put("maxMs", round(s.max()));
        map.put("errors", s.errors());
        return map;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
