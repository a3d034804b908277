package dev.missive.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request while it is being made: a valid one from {@link Templates}, then mutated in place. */
final class Draft {

    final String template;
    String caller;
    String method;
    /** Relative to the FHIR base ({@code Communication/1/$close}), or a whole URL (a paging link). */
    String path;
    /** Name and value pairs, already percent-encoded as they will be sent. */
    final List<String[]> query = new ArrayList<>();

    final List<FuzzRequest.Header> headers = new ArrayList<>();
    /** The body as JSON, or null when there is none or it is {@link #raw}. */
    JsonNode json;
    /** The body as bytes, when it is not (or no longer) JSON. */
    byte[] raw;
    /** JSON text put in place of a placeholder string ({@link #splice}) when the body is written. */
    final Map<String, String> splices = new LinkedHashMap<>();

    TokenKind token = TokenKind.VALID;
    /** Which pool an id in the path comes from, when it is replaced. */
    String idPool = Pools.COMMUNICATION;
    /**
     * A write of the directory (or a merge), which its callers may really make: the ids and
     * references it is given stay among the fuzzer's own records, so that it cannot change what
     * a bystander or another test reads.
     */
    boolean ownRecordsOnly;
    /** URL, method and headers stay as they are: a write that must stay refused (a stale If-Match). */
    boolean pinned;
    /** Whose tokens a request may be sent with instead. */
    List<String> swappable = Fixtures.FUZZED;

    final List<String> mutations = new ArrayList<>();

    Draft(String template, String caller, String method, String path) {
        this.template = template;
        this.caller = caller;
        this.method = method;
        this.path = path;
        header("Accept", "application/fhir+json");
    }

    Draft param(String name, String value) {
        query.add(new String[] {name, value});
        return this;
    }

    Draft header(String name, String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new FuzzRequest.Header(name, value));
        return this;
    }

    Draft json(JsonNode body) {
        this.json = body;
        this.raw = null;
        return header("Content-Type", "application/fhir+json");
    }

    Draft raw(String contentType, byte[] body) {
        this.json = null;
        this.raw = body;
        return header("Content-Type", contentType);
    }

    /** A placeholder string for the JSON tree, written as {@code text} (any JSON, valid or not). */
    String splice(String text) {
        String placeholder = "\u0001splice" + splices.size();
        splices.put(placeholder, text);
        return placeholder;
    }

    boolean hasBody() {
        return json != null || raw != null;
    }

    String target() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    byte[] body() {
        if (raw != null) {
            return raw;
        }
        if (json == null) {
            return null;
        }
        return jsonText().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON body with its placeholders replaced. */
    String jsonText() {
        String text = Bodies.text(json);
        for (Map.Entry<String, String> splice : splices.entrySet()) {
            text = text.replace(Bodies.quote(splice.getKey()), splice.getValue());
        }
        return text;
    }

    /** Turns the JSON body into bytes, for mutations of the text itself. */
    byte[] rawFromJson() {
        if (raw == null && json != null) {
            raw = body();
            json = null;
        }
        return raw;
    }

    FuzzRequest build(int index, String authorization) {
        List<FuzzRequest.Header> sent = new ArrayList<>();
        if (authorization != null) {
            sent.add(new FuzzRequest.Header("Authorization", authorization));
        }
        sent.addAll(headers);
        return new FuzzRequest(index, template, List.copyOf(mutations), caller, token, method, target(), sent, body());
    }
}
