package dev.missive.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Missive's load client: seeds a clinic through the API, runs C virtual users (the mixed
 * workload) or sends N messages as fast as they can ({@code --notifications N}), then prints a
 * table and writes JSON to benchmark/results/. Exit code 1 when any request failed or an
 * email did not arrive. See benchmark/README.md.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // the JDK keeps 5 idle connections per host unless told: every user needs its own
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, options.users() * 2)));
        Http http = new Http();
        FhirApi api = new FhirApi(http, options.fhir());
        Seeder seeder = new Seeder(http, api, options);
        Clinic clinic = options.seeding() == Options.Seeding.SKIP ? seeder.existing() : seeder.seed();
        if (options.seeding() == Options.Seeding.ONLY) {
            System.exit(0);
        }

        MailWatch mail = new MailWatch(http, options.greenmail(), options.imap(), options.staffMail());
        mail.awaitQuiet(clinic.everyone().stream().map(Clinic.Person::email).toList(), 3000);
        mail.purge();
        mail.start(clinic);

        Optional<ServerProcess> started = ServerProcess.find(options.stackDir());
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        VirtualUser.OPERATIONS.forEach(op -> latencies.put(op, new Latencies()));

        long start = System.currentTimeMillis();
        long measureFrom =
                options.notificationMode() ? start : start + options.warmup().toMillis();
        long end = measureFrom + options.duration().toMillis();
        AtomicInteger budget = options.notificationMode() ? new AtomicInteger(options.notifications()) : null;
        WarmUpCurve curve = new WarmUpCurve(start);
        RequestLog log = options.log() == null ? RequestLog.off() : RequestLog.to(options.log());
        List<Thread> users = new ArrayList<>();
        for (int k = 0; k < options.users(); k++) {
            List<Clinic.Person> side = k % 2 == 0 ? clinic.patients : clinic.practitioners;
            Clinic.Person person = side.get((k / 2) % side.size());
            Tokens tokens = Tokens.person(http, options.keycloak(), person.username());
            tokens.get();
            users.add(new Thread(
                    new VirtualUser(
                            clinic,
                            person,
                            tokens,
                            api,
                            mail,
                            latencies,
                            measureFrom,
                            () -> options.notificationMode() || System.currentTimeMillis() < end,
                            budget,
                            curve,
                            log),
                    "user-" + k));
        }
        System.out.printf(
                "%d virtual users, %s%n",
                users.size(),
                options.notificationMode()
                        ? options.notifications() + " messages"
                        : options.warmup().toSeconds() + " s warm-up, "
                                + options.duration().toSeconds() + " s measured");

        Optional<ServerProcess> server = started;
        double cpuBefore = server.map(ServerProcess::cpuSeconds).orElse(0.0);
        Map<String, Double> groupsBefore = server.map(ServerProcess::cpuByGroup).orElse(Map.of());
        double clientCpuBefore = ownCpuSeconds();
        users.forEach(Thread::start);
        if (!options.notificationMode()) {
            Thread.sleep(Math.max(0, measureFrom - System.currentTimeMillis()));
            cpuBefore = server.map(ServerProcess::cpuSeconds).orElse(0.0);
            groupsBefore = server.map(ServerProcess::cpuByGroup).orElse(Map.of());
            clientCpuBefore = ownCpuSeconds();
        }
        long measuredStart = System.currentTimeMillis();
        for (Thread user : users) {
            user.join();
        }
        long measuredEnd = System.currentTimeMillis();
        log.close();
        // a server killed and started again during the run (benchmark/faults.sh): not measured
        server = server.filter(ServerProcess::alive);
        double cpuAfter = server.map(ServerProcess::cpuSeconds).orElse(0.0);
        Map<String, Double> groupsAfter = server.map(ServerProcess::cpuByGroup).orElse(Map.of());
        double clientCores = (ownCpuSeconds() - clientCpuBefore) * 1000.0 / (measuredEnd - measuredStart);
        double seconds = (measuredEnd - measuredStart) / 1000.0;

        long mailDeadline = System.currentTimeMillis() + options.mailTimeout().toMillis();
        while (mail.outstanding() > 0 && System.currentTimeMillis() < mailDeadline) {
            Thread.sleep(100);
        }
        mail.stop();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", Instant.now().toString());
        result.put("firstRequest", Instant.ofEpochMilli(start).toString());
        result.put("db", options.db());
        result.put(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
        result.put("args", String.join(" ", args));
        result.put("users", options.users());
        result.put(
                "seed",
                Map.of(
                        "patients",
                        options.patients(),
                        "practitioners",
                        options.practitioners(),
                        "messages",
                        options.messages()));
        result.put("seconds", Latencies.round(seconds));

        System.out.printf(
                "%n%-13s %7s %8s %8s %8s %8s %8s %6s%n",
                "operation", "count", "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        Map<String, Object> operations = new LinkedHashMap<>();
        int total = 0;
        int errors = 0;
        for (Map.Entry<String, Latencies> entry : latencies.entrySet()) {
            Latencies.Summary s = entry.getValue().summary(entry.getKey(), seconds);
            if (s.count() == 0) {
                continue;
            }
            total += s.count();
            errors += s.errors();
            operations.put(s.operation(), Latencies.asMap(s));
            System.out.printf(
                    "%-13s %7d %8.1f %8.1f %8.1f %8.1f %8.1f %6d%n",
                    s.operation(), s.count(), s.perSecond(), s.p50(), s.p95(), s.p99(), s.max(), s.errors());
        }
        System.out.printf("%-13s %7d %8.1f%n", "all", total, total / seconds);
        result.put("operations", operations);
        result.put("operationsPerSecond", Latencies.round(total / seconds));
        List<Double> warmUp = curve.opsPerSecond(measuredEnd);
        result.put("opsPerSecondPer10s", warmUp);
        System.out.printf(
                "ops/s per %d s from the first request (warm-up included): %s%n",
                WarmUpCurve.BUCKET_SECONDS,
                warmUp.stream().map(v -> String.format("%.0f", v)).collect(Collectors.joining(" ")));

        List<Double> notified = mail.latenciesSince(measuredStart);
        int missing = mail.outstanding();
        Map<String, Object> notifications = new LinkedHashMap<>();
        notifications.put("emails", notified.size());
        notifications.put("missing", missing);
        notifications.put("p50Ms", Latencies.percentile(notified, 50));
        notifications.put("p99Ms", Latencies.percentile(notified, 99));
        notifications.put("maxMs", notified.isEmpty() ? 0 : notified.get(notified.size() - 1));
        if (options.notificationMode()) {
            double spanSeconds = (mail.lastReceipt() - measuredStart) / 1000.0;
            notifications.put("sendsPerSecond", Latencies.round(options.notifications() / seconds));
            notifications.put("emailsPerSecond", Latencies.round(notified.size() / spanSeconds));
        }
        result.put("notifications", notifications);
        System.out.printf(
                "notifications: %d emails, %d missing, p50 %.0f ms, p99 %.0f ms, max %.0f ms%s%n",
                notified.size(),
                missing,
                notifications.get("p50Ms"),
                notifications.get("p99Ms"),
                notifications.get("maxMs"),
                options.notificationMode()
                        ? String.format(", %.1f emails/s", (Double) notifications.get("emailsPerSecond"))
                        : "");

        if (server.isPresent()) {
            double rss = server.get().rssMib();
            double cores = (cpuAfter - cpuBefore) / seconds;
            Map<String, Double> split = new LinkedHashMap<>();
            for (Map.Entry<String, Double> group : groupsAfter.entrySet()) {
                split.put(
                        group.getKey(),
                        Latencies.round((group.getValue() - groupsBefore.getOrDefault(group.getKey(), 0.0))
                                        / seconds
                                        * 100)
                                / 100);
            }
            result.put(
                    "server",
                    Map.of(
                            "pid",
                            server.get().pid(),
                            "rssMib",
                            Latencies.round(rss),
                            "cpuCores",
                            Latencies.round(cores * 100) / 100,
                            "cpuCoresByGroup",
                            split));
            System.out.printf(
                    "server: pid %d, RSS %.0f MiB, CPU %.2f cores (of %d): %s%n",
                    server.get().pid(),
                    rss,
                    cores,
                    Runtime.getRuntime().availableProcessors(),
                    split.entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format("%.2f", e.getValue()))
                            .collect(Collectors.joining(", ")));
        } else {
            System.out.println(
                    started.isPresent()
                            ? "server: WildFly's process ended during the run, no RSS or CPU"
                            : "server: WildFly's process not found (--stack DIR), no RSS or CPU");
        }
        // The client shares the machine: what it burns, the server cannot have.
        result.put("clientCpuCores", Latencies.round(clientCores * 100) / 100);
        System.out.printf("client: CPU %.2f cores (this load client, mail watch included)%n", clientCores);

        Path out = Path.of(
                options.results(),
                LocalDate.now() + "-" + options.db()
                        + (options.notificationMode() ? "-notifications" : "-c" + options.users()) + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        System.out.println("written: " + out);

        if (errors > 0 || missing > 0) {
            System.out.printf("FAILED: %d errors, %d emails missing; first errors:%n", errors, missing);
            latencies.forEach(
                    (op, l) -> l.errors().stream().limit(3).forEach(e -> System.out.println("  " + op + ": " + e)));
            System.exit(1);
        }
        System.exit(0);
    }

    /** User plus system CPU time of this JVM, the load client, in seconds. */
    private static double ownCpuSeconds() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElse(0.0);
    }
}
