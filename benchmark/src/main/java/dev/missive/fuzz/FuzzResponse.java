package dev.missive.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An answer as read from the socket: the status ({@code -1} when none came: the connection was
 * refused, reset or timed out, with the reason in {@code failure}), the headers, the body.
 */
public record FuzzResponse(
        int status, Map<String, List<String>> headers, String body, boolean truncated, String failure) {

    static FuzzResponse none(String failure) {
        return new FuzzResponse(-1, Map.of(), "", false, failure);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** 2xx, 4xx...; "none" when nothing came back. */
    public String statusClass() {
        return status < 0 ? "none" : status / 100 + "xx";
    }

    public String describe() {
        if (status < 0) {
            return "  no answer: " + failure + "\n";
        }
        return "  HTTP " + status + " " + header("Content-Type").orElse("(no Content-Type)") + "\n  "
                + Text.clip(body, 1500) + "\n";
    }
}
