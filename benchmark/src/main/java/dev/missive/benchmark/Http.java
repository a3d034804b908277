package dev.missive.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The one HTTP client: JSON and form requests, answers as status and body. */
final class Http {

    static final String FHIR_JSON = "application/fhir+json";

    record Answer(int status, String body, HttpResponse<String> response) {
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

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Answer get(String url, String token) {
        return send(request(url, token).GET());
    }

    Answer post(String url, String token, String contentType, String body) {
        HttpRequest.Builder request = request(url, token);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request);
    }

    Answer put(String url, String token, String contentType, String body) {
        return send(
                request(url, token).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(url, null, "application/x-www-form-urlencoded", body);
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", FHIR_JSON + ", application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null);
        }
    }
}
