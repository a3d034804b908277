package dev.missive.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WildFly's java process, read from /proc: resident memory and CPU time. It is the child of the
 * pid that {@code config/missive} records in the stack's run directory, else the one process
 * whose command line names jboss-modules.
 */
final class ServerProcess {

    private static final double CLOCK_TICKS = 100; // USER_HZ on Linux

    private final long pid;

    private ServerProcess(long pid) {
        this.pid = pid;
    }

    static Optional<ServerProcess> find(String stackDir) {
        try {
            Path pidFile = Path.of(stackDir, "run", "wildfly.pid");
            if (Files.exists(pidFile)) {
                long launcher = Long.parseLong(Files.readString(pidFile).trim());
                Optional<Long> java =
                        descendants(launcher).filter(ServerProcess::isWildFly).findFirst();
                if (java.isPresent()) {
                    return java.map(ServerProcess::new);
                }
            }
            List<Long> candidates = processes().filter(ServerProcess::isWildFly).toList();
            return candidates.size() == 1 ? Optional.of(new ServerProcess(candidates.get(0))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    long pid() {
        return pid;
    }

    /** Resident set size in MiB. */
    double rssMib() {
        return status("VmRSS:") / 1024.0;
    }

    /** User plus system CPU time in seconds. */
    boolean alive() {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    double cpuSeconds() {
        String[] fields = afterCommand(read("stat"));
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
    }

    /**
     * CPU seconds by what the threads do: request threads (Undertow's "default task"), the JIT
     * compilers, the garbage collector, messaging and mail (Artemis, the MDBs, the managed
     * executor), other live threads, threads that have ended since start (their time is only in
     * the process total), and the PostgreSQL server's processes when one runs on this machine.
     */
    Map<String, Double> cpuByGroup() {
        Map<String, Double> groups = new LinkedHashMap<>();
        for (String group : List.of("requests", "jit", "gc", "messaging", "other", "ended threads")) {
            groups.put(group, 0.0);
        }
        double live = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String[] fields = afterCommand(Files.readString(task.resolve("stat")));
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
                    groups.merge(groupOf(name), seconds, Double::sum);
                    live += seconds;
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("WildFly (pid " + pid + ") is gone", e);
        }
        groups.put("ended threads", Math.max(0, cpuSeconds() - live));
        double database = postgresCpuSeconds();
        if (database > 0) {
            groups.put("database (PostgreSQL)", database);
        }
        return groups;
    }

    private static String groupOf(String thread) {
        if (thread.startsWith("default task") || thread.startsWith("default I/O")) {
            return "requests";
        }
        if (thread.contains("CompilerThre")) {
            return "jit";
        }
        if (thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
            return "gc";
        }
        if (thread.contains("ActiveMQ") || thread.startsWith("Thread-") || thread.startsWith("EE-Managed")) {
            return "messaging";
        }
        return "other";
    }

    private static double postgresCpuSeconds() {
        try {
            double total = 0;
            for (long process : processes().toList()) {
                try {
                    String stat = Files.readString(Path.of("/proc", Long.toString(process), "stat"));
                    if (stat.contains("(postgres)")) {
                        String[] fields = afterCommand(stat);
                        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
                    }
                } catch (IOException e) {
                    // the process ended while being read
                }
            }
            return total;
        } catch (IOException e) {
            return 0;
        }
    }

    private long status(String key) {
        return read("status")
                .lines()
                .filter(l -> l.startsWith(key))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .orElse(0L);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("WildFly (pid " + pid + ") is gone", e);
        }
    }

    /** The fields of /proc/pid/stat after "(command)", which may itself contain spaces. */
    private static String[] afterCommand(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static Stream<Long> descendants(long parent) throws IOException {
        List<Long> children = processes().filter(p -> parentOf(p) == parent).toList();
        return Stream.concat(children.stream(), children.stream().flatMap(c -> {
            try {
                return descendants(c);
            } catch (IOException e) {
                return Stream.empty();
            }
        }));
    }

    private static Stream<Long> processes() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+"))
                    .map(Long::parseLong)
                    .toList()
                    .stream();
        }
    }

    private static long parentOf(long pid) {
        try {
            return Long.parseLong(afterCommand(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean isWildFly(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
                    .contains("jboss-modules");
        } catch (IOException e) {
            return false;
        }
    }
}
