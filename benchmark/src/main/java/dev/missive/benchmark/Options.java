package dev.missive.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Command-line flags ({@code --name value}); every one has a default for the local stack. */
record Options(
        int users,
        Duration warmup,
        Duration duration,
        int patients,
        int practitioners,
        int messages,
        int notifications,
        Duration mailTimeout,
        String fhir,
        String keycloak,
        String greenmail,
        String imap,
        String db,
        String stackDir,
        String results,
        boolean staffMail,
        String log,
        Seeding seeding) {

    /** {@code --seed}: seed then run (yes), seed and stop (only), or run on an earlier seed (skip). */
    enum Seeding {
        YES,
        ONLY,
        SKIP
    }

    static Options parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag value pairs, got: " + String.join(" ", args));
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        Options options = new Options(
                Integer.parseInt(flags.getOrDefault("users", "8")),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup", "15"))),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("duration", "60"))),
                Integer.parseInt(flags.getOrDefault("patients", "40")),
                Integer.parseInt(flags.getOrDefault("practitioners", "8")),
                Integer.parseInt(flags.getOrDefault("messages", "2000")),
                Integer.parseInt(flags.getOrDefault("notifications", "0")),
                Duration.ofSeconds(Long.parseLong(flags.getOrDefault("mail-timeout", "300"))),
                flags.getOrDefault("fhir", "http://localhost:8080/fhir"),
                flags.getOrDefault("keycloak", "http://localhost:8180"),
                flags.getOrDefault("greenmail", "http://localhost:8380"),
                flags.getOrDefault("imap", "localhost:3143"),
                flags.getOrDefault("db", "h2"),
                flags.getOrDefault("stack", ".stack"),
                flags.getOrDefault("results", "benchmark/results"),
                staffMail(flags.getOrDefault("staff-mail", "no")),
                flags.get("log"),
                seeding(flags.getOrDefault("seed", "yes")));
        flags.keySet()
                .removeAll(java.util.Set.of(
                        "users",
                        "warmup",
                        "duration",
                        "patients",
                        "practitioners",
                        "messages",
                        "notifications",
                        "mail-timeout",
                        "fhir",
                        "keycloak",
                        "greenmail",
                        "imap",
                        "db",
                        "stack",
                        "results",
                        "staff-mail",
                        "log",
                        "seed"));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown flags: " + flags.keySet());
        }
        return options;
    }

    /**
     * Whether practitioners' emails are awaited: not under the default configuration, where a
     * practitioner making requests is working in the portal and is not emailed; yes when the
     * stack runs with {@code MISSIVE_STAFF_ACTIVE_MINUTES=0}.
     */
    private static boolean staffMail(String value) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--staff-mail is yes or no");
        };
    }

    private static Seeding seeding(String value) {
        return switch (value) {
            case "yes" -> Seeding.YES;
            case "only" -> Seeding.ONLY;
            case "skip" -> Seeding.SKIP;
            default -> throw new IllegalArgumentException("--seed is yes, only or skip");
        };
    }

    boolean notificationMode() {
        return notifications > 0;
    }
}
