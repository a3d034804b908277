package dev.missive.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as it goes on the wire, with what made it: its number in the run, the valid request
 * it started from, the mutations applied, whose token it carries and how that token was made.
 */
public record FuzzRequest(
        int index,
        String template,
        List<String> mutations,
        String caller,
        TokenKind token,
        String method,
        String target,
        List<Header> headers,
        byte[] body) {

    /** A header as sent: names and values are not checked, so that they can be wrong. */
    public record Header(String name, String value) {}

    /** Everything the request sent, as text: what a check compares a response with. */
    String text() {
        StringBuilder text =
                new StringBuilder(method).append(' ').append(target).append('\n');
        headers.forEach(
                h -> text.append(h.name()).append(": ").append(h.value()).append('\n'));
        if (body != null) {
            text.append(new String(body, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** The request for a report: enough to see what was sent and to send it again. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("request #")
                .append(index)
                .append(" (")
                .append(template)
                .append(", mutations ")
                .append(mutations)
                .append(", token ")
                .append(token.name().toLowerCase())
                .append(" of ")
                .append(caller)
                .append(")\n  ")
                .append(method)
                .append(' ')
                .append(Text.clip(target, 2000))
                .append('\n');
        for (Header header : headers.subList(0, Math.min(headers.size(), 12))) {
            String value = header.name().equalsIgnoreCase("Authorization")
                    ? Text.clip(header.value(), 60)
                    : Text.clip(header.value(), 300);
            out.append("  ").append(header.name()).append(": ").append(value).append('\n');
        }
        if (headers.size() > 12) {
            out.append("  … ").append(headers.size() - 12).append(" more headers\n");
        }
        if (body != null) {
            out.append("  body (")
                    .append(body.length)
                    .append(" bytes): ")
                    .append(Text.clip(new String(body, StandardCharsets.UTF_8), 2000))
                    .append('\n');
        }
        return out.toString();
    }
}
