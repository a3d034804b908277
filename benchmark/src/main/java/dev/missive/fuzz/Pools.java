package dev.missive.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ids and references a request may be given, by name: the fuzzed callers' own records, the
 * bystanders', the fuzzer's directory records, ids that exist nowhere and ids that are not ids.
 * Lists, never sets, so that a seed picks the same one every run.
 */
final class Pools {

    /** Replacement ids for a Communication in a path: anyone's, unknown, malformed. */
    static final String COMMUNICATION = "communication";
    /** For a Binary in a path. */
    static final String BINARY = "binary";
    /** For a directory read: the demo clinic's records and the fuzzer's. */
    static final String DIRECTORY = "directory";
    /** For a directory write or a merge: the fuzzer's own records only. */
    static final String OWN_RECORDS = "own-records";

    static final List<String> DEMO_IDS = List.of(
            "alice",
            "ben",
            "chloe",
            "drlee",
            "drpatel",
            "nursekim",
            "careteam-ben",
            "careteam-chloe",
            "gina-for-ben",
            "gina-for-chloe",
            "role-drlee",
            "episode-ben-asthma",
            "appointment-chloe-drlee",
            "clinic");

    /** Ids that are not ids: empty, traversal, escapes, too long, numbers out of range, other scripts. */
    static final List<String> MALFORMED_IDS = List.of(
            "",
            "..",
            ".",
            "%2e%2e",
            "a%2Fb",
            "x".repeat(65),
            "x".repeat(5000),
            "-1",
            "0",
            "9223372036854775808",
            "é",
            "%00",
            "%27%20OR%20%271%27%3D%271",
            "$close",
            "_history",
            "*",
            "\uD83D\uDE00",
            "%F0%9F%98%80",
            "null",
            "%",
            "%zz",
            "{}",
            "<x>",
            "a;b=c",
            "Communication");

    private final Map<String, List<String>> pools = new LinkedHashMap<>();

    void add(String pool, String value) {
        pools.computeIfAbsent(pool, p -> new ArrayList<>()).add(value);
    }

    List<String> get(String pool) {
        return pools.getOrDefault(pool, List.of());
    }

    /** One value from the named pools taken together. */
    String pick(Random random, String... names) {
        List<String> all = new ArrayList<>();
        for (String name : names) {
            all.addAll(get(name));
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("nothing in " + String.join(", ", names));
        }
        return Pick.one(random, all);
    }

    /** An id to put in a path in place of the one there, from what the request may be given. */
    String replacementId(Random random, String idPool) {
        return switch (idPool) {
            case BINARY -> pick(random, "binary", "bystander-binary", "unknown", "malformed");
            case DIRECTORY ->
                pick(random, "demo", "fuzz-patient", "fuzz-practitioner", "fuzz-other", "unknown", "malformed");
            case OWN_RECORDS ->
                pick(random, "fuzz-patient", "fuzz-practitioner", "fuzz-other", "fuzz-new", "malformed");
            default ->
                pick(
                        random,
                        "thread",
                        "message",
                        "draft-thread",
                        "draft-message",
                        "bystander-thread",
                        "bystander-message",
                        "unknown",
                        "malformed");
        };
    }

    /** A reference for a JSON body: anyone's for a person's request, the fuzzer's own for a directory write. */
    String reference(Random random, boolean ownRecordsOnly) {
        return pick(random, ownRecordsOnly ? "own-reference" : "reference");
    }
}
