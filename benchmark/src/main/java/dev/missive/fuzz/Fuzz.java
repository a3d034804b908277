package dev.missive.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code benchmark/fuzz.sh}: sets up its records on a running stack, takes the bystanders' view,
 * sends the requests of a seed, takes the view again and checks the server's health; prints a
 * summary and the failures and writes them to benchmark/results/. Exit code 1 on any failure.
 */
public final class Fuzz {

    private static final Set<String> FLAGS =
            Set.of("fhir", "keycloak", "health", "seed", "requests", "from", "only", "results", "show");

    private Fuzz() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !FLAGS.contains(args[i].substring(2))) {
                throw new IllegalArgumentException(
                        "expected --flag value pairs among " + FLAGS + ", got: " + String.join(" ", args));
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        String fhir = flags.getOrDefault("fhir", "http://localhost:8080/fhir");
        String keycloak = flags.getOrDefault("keycloak", "http://localhost:8180");
        String health = flags.getOrDefault("health", "http://localhost:9990/health");
        long seed = Long.parseLong(flags.getOrDefault("seed", "16"));
        boolean only = flags.containsKey("only");
        int from = Integer.parseInt(flags.getOrDefault("only", flags.getOrDefault("from", "0")));
        int requests = only ? 1 : Integer.parseInt(flags.getOrDefault("requests", "10000"));
        int show = Integer.parseInt(flags.getOrDefault("show", "20"));

        System.out.printf(
                "fuzzing %s (tokens from %s) with seed %d: requests %d to %d%n",
                fhir, keycloak, seed, from, from + requests - 1);
        Fixtures fixtures = Fixtures.create(fhir, keycloak, seed);
        Map<String, String> before = BystanderView.capture(fixtures);
        FuzzReport report = FuzzRun.run(fixtures, fhir, seed, from, requests, System.out::println);
        Map<String, String> after = BystanderView.capture(fixtures);
        String changed = BystanderView.difference(before, after);
        List<String> unhealthy = ServerHealth.problems(fixtures, health.equals("none") ? null : health);

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "Missive fuzz run, %s: %s, %d cores, Java %s%n",
                LocalDate.now(), fhir, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(report.summary());
        out.append("bystanders (")
                .append(String.join(", ", Fixtures.BYSTANDERS))
                .append("): ")
                .append(
                        changed.isEmpty()
                                ? "saw the same " + before.size() + " answers before and after"
                                : "CHANGED\n" + changed)
                .append('\n');
        out.append("after the run: ")
                .append(unhealthy.isEmpty() ? "healthy, Alice's read answered 200" : String.join("\n", unhealthy))
                .append('\n');
        if (!report.failures().isEmpty()) {
            out.append("\nfailures (each can be sent again alone: benchmark/fuzz.sh --seed ")
                    .append(seed)
                    .append(" --only N):\n")
                    .append(report.failuresText(show));
        }
        System.out.print(out);
        if (!only) {
            Path results = Path.of(flags.getOrDefault("results", "benchmark/results"));
            Files.createDirectories(results);
            Path file = results.resolve(LocalDate.now() + "-fuzz-seed" + seed + "-n" + requests + ".txt");
            Files.writeString(file, out.toString());
            System.out.println("written to " + file);
        }
        boolean passed = report.failures().isEmpty() && changed.isEmpty() && unhealthy.isEmpty();
        System.exit(passed ? 0 : 1);
    }
}
