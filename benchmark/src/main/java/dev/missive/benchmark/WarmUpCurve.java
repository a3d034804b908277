package dev.missive.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** Completed requests per 10 s from the first request on, warm-up included: how fast the server warms. */
final class WarmUpCurve {

    static final int BUCKET_SECONDS = 10;
    private static final int MAX_BUCKETS = 360;

    private final long start;
    private final AtomicIntegerArray completed = new AtomicIntegerArray(MAX_BUCKETS);

    WarmUpCurve(long start) {
        this.start = start;
    }

    void completed(long atMillis) {
        int bucket = (int) ((atMillis - start) / (BUCKET_SECONDS * 1000L));
        if (bucket >= 0 && bucket < MAX_BUCKETS) {
            completed.incrementAndGet(bucket);
        }
    }

    /** Requests per second in each whole 10 s bucket up to {@code end}. */
    List<Double> opsPerSecond(long end) {
        List<Double> curve = new ArrayList<>();
        int buckets = (int) Math.min(MAX_BUCKETS, (end - start) / (BUCKET_SECONDS * 1000L));
        for (int i = 0; i < buckets; i++) {
            curve.add(Latencies.round(completed.get(i) / (double) BUCKET_SECONDS));
        }
        return curve;
    }
}
