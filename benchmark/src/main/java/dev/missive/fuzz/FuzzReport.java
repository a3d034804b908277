package dev.missive.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a run saw: answers by status, by template and by token kind, the failures, and what was noted. */
public final class FuzzReport {

    /** A request whose answer broke a rule of {@link Oracle}. */
    public record Failure(FuzzRequest request, FuzzResponse response, List<String> problems) {
        public String describe(long seed) {
            return "seed " + seed + ", " + request.describe() + response.describe() + "  problems: " + problems + "\n";
        }
    }

    final long seed;
    final Map<String, Integer> byClass = new TreeMap<>();
    final Map<Integer, Integer> byStatus = new TreeMap<>();
    final Map<String, int[]> byTemplate = new TreeMap<>();
    final Map<String, int[]> byToken = new TreeMap<>();
    /** What was noted: how often, and the first request it was noted for (to send it again with --only). */
    final Map<String, int[]> notes = new TreeMap<>();

    final List<Failure> failures = new ArrayList<>();
    int requests;
    long millis;
    /** Answers that showed the bystanders' secret (to the admin or the engine, who may see it): the check can bite. */
    int secretShown;

    FuzzReport(long seed) {
        this.seed = seed;
    }

    void add(FuzzRequest request, FuzzResponse response, List<String> problems, String note) {
        requests++;
        byClass.merge(response.statusClass(), 1, Integer::sum);
        byStatus.merge(response.status(), 1, Integer::sum);
        int ok = response.status() / 100 == 2 ? 1 : 0;
        int[] template = byTemplate.computeIfAbsent(request.template(), t -> new int[2]);
        template[0]++;
        template[1] += ok;
        int[] token = byToken.computeIfAbsent(request.token().name().toLowerCase(), t -> new int[2]);
        token[0]++;
        token[1] += ok;
        if (note != null) {
            notes.computeIfAbsent(note, n -> new int[] {0, request.index()})[0]++;
        }
        if (!problems.isEmpty()) {
            failures.add(new Failure(request, response, problems));
        }
    }

    public List<Failure> failures() {
        return failures;
    }

    public int requests() {
        return requests;
    }

    public long millis() {
        return millis;
    }

    /** The counts, one table after the other. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "seed %d: %d requests in %.1f s (%.0f/s), %d failed%n",
                seed, requests, millis / 1000.0, requests * 1000.0 / Math.max(1, millis), failures.size()));
        out.append("the bystanders' secret was in ")
                .append(secretShown)
                .append(" answers, to those who may see it (the clinic admin, the integration engine)\n");
        out.append("by status class: ").append(byClass).append('\n');
        out.append("by status:       ").append(byStatus).append('\n');
        out.append("by template (requests / 2xx):\n");
        byTemplate.forEach((name, n) -> out.append(String.format("  %-20s %6d %6d%n", name, n[0], n[1])));
        out.append("by token (requests / 2xx):\n");
        byToken.forEach((name, n) -> out.append(String.format("  %-20s %6d %6d%n", name, n[0], n[1])));
        if (!notes.isEmpty()) {
            out.append("noted, not failed: errors without an OperationOutcome (status, Content-Type) and requests"
                    + " a server may close unanswered (count, the first request):\n");
            notes.forEach((note, n) -> out.append(String.format("  %-60s %6d  #%d%n", note, n[0], n[1])));
        }
        return out.toString();
    }

    /** The first {@code max} failures in full, to reproduce them. */
    public String failuresText(int max) {
        StringBuilder out = new StringBuilder();
        failures.stream().limit(max).forEach(f -> out.append(f.describe(seed)).append('\n'));
        if (failures.size() > max) {
            out.append("… and ").append(failures.size() - max).append(" more\n");
        }
        return out.toString();
    }
}
