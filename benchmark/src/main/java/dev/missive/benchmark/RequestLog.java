package dev.missive.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every request's outcome, one tab-separated line each ({@code --log FILE}): start and end (ms
 * since the epoch), the user, the operation, the HTTP status (-1: no answer), the id of what a
 * 2xx write created and its recipient's reference ({@code -} otherwise). benchmark/failover.sh
 * reads it back: the failures around a kill, every created resource, the emails due.
 */
final class RequestLog implements AutoCloseable {

    private final BufferedWriter out;

    private RequestLog(BufferedWriter out) {
        this.out = out;
    }

    static RequestLog off() {
        return new RequestLog(null);
    }

    static RequestLog to(String file) {
        try {
            return new RequestLog(Files.newBufferedWriter(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    boolean on() {
        return out != null;
    }

    synchronized void record(
            long startMillis, long endMillis, String user, String operation, int status, String id, String recipient) {
        if (out == null) {
            return;
        }
        try {
            out.write(String.join(
                    "\t",
                    Long.toString(startMillis),
                    Long.toString(endMillis),
                    user,
                    operation,
                    Integer.toString(status),
                    id,
                    recipient));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request log", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
