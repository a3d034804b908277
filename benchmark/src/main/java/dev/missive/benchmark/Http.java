package dev.missive.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one HTTP client: JSON and form requests, answers as status and body. Blocking
 * {@link HttpURLConnection} with the JDK's keep-alive pool: one thread per virtual user anyway,
 * and the asynchronous {@code java.net.http} client spent a quarter of a core in its selector
 * thread at a hundred requests a second, on the cores the server under test needs.
 */
final class Http {

    static final String FHIR_JSON = "application/fhir+json";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Answer orFail(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body);
            }
            return this;
        }
    }

    Answer get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    Answer post(String url, String token, String contentType, String body) {
        return send("POST", url, token, contentType, body);
    }

    Answer put(String url, String token, String contentType, String body) {
        return send("PUT", url, token, contentType, body);
    }

    Answer form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(url, null, "application/x-www-form-urlencoded", body);
    }

    private static Answer send(String method, String url, String token, String contentType, String body) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setRequestProperty("Accept", FHIR_JSON + ", application/json");
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            // a POST without a body (an operation without parameters) sends no Content-Type:
            // with one to write, HttpURLConnection would make up a form's
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setRequestProperty("Content-Type", contentType);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            // reading the error stream to its end too is what returns the connection to the pool
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = "";
            if (in != null) {
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, text);
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }
}
