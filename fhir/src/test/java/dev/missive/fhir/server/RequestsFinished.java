package dev.missive.fhir.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells when the server is done with a request. A client has the response as soon as it is
 * written, but HAPI runs its last hooks after that: a test that waits here sees everything a
 * request did. Requests are told apart by a header of their own.
 */
final class RequestsFinished implements Filter {

    static final String HEADER = "X-Test-Request";
    private static final long PATIENCE_SECONDS = 10;

    private final Map<String, CountDownLatch> pending = new ConcurrentHashMap<>();

    /** The header value for a request about to be sent. */
    String expect() {
        String id = UUID.randomUUID().toString();
        pending.put(id, new CountDownLatch(1));
        return id;
    }

    void await(String id) throws InterruptedException {
        // removed only once finished: the server may still be about to look it up
        boolean done = pending.get(id).await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        pending.remove(id);
        if (!done) {
            throw new IllegalStateException(
                    "Request " + id + " did not reach the endpoint, or took over " + PATIENCE_SECONDS + " s to finish");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            CountDownLatch finished = pending.get(String.valueOf(((HttpServletRequest) request).getHeader(HEADER)));
            if (finished != null) {
                finished.countDown();
            }
        }
    }
}
