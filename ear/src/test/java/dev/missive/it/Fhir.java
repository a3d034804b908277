package dev.missive.it;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * A small FHIR client over java.net.http, so that tests see exactly what a hospital's
 * integration engine sees: status codes, headers and bodies.
 */
final class Fhir {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Optional<String> token;
    private final Optional<String> actingAs;

    private Fhir(Optional<String> token) {
        this(token, Optional.empty());
    }

    private Fhir(Optional<String> token, Optional<String> actingAs) {
        this.token = token;
        this.actingAs = actingAs;
    }

    /** This client naming, on every request, the entry of its account it acts as ({@code Patient/sam}). */
    Fhir actingAs(String entry) {
        return new Fhir(token, Optional.of(entry));
    }

    /** A client that calls with the account's real token. */
    static Fhir as(String account) {
        return new Fhir(Optional.of(Tokens.of(account)));
    }

    /** A client with a bearer token as given, valid or not. */
    static Fhir withToken(String token) {
        return new Fhir(Optional.of(token));
    }

    static Fhir anonymous() {
        return new Fhir(Optional.empty());
    }

    static String base() {
        int port = 8080 + Integer.getInteger("missive.it.port.offset", 0);
        return "http://localhost:" + port + "/fhir";
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Resource resource) {
        return postRaw(path, CONTEXT.newJsonParser().encodeResourceToString(resource));
    }

    /** A conditional create: when an entry matches the condition, nothing is created. */
    Response postIfNoneExist(String path, Resource resource, String condition) {
        return send(request(path)
                .header("Content-Type", "application/fhir+json")
                .header("If-None-Exist", condition)
                .POST(HttpRequest.BodyPublishers.ofString(
                        CONTEXT.newJsonParser().encodeResourceToString(resource))));
    }

    Response postRaw(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST without a body or Content-Type, as {@code curl -X POST} sends it. */
    Response postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response put(String path, Resource resource, String ifMatch) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(CONTEXT.newJsonParser().encodeResourceToString(resource)));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder);
    }

    /** A request with any method (even one HTTP does not define) and no body. */
    Response method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response putRaw(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(path.startsWith("http") ? path : base() + "/" + path))
                .header("Accept", "application/fhir+json");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        actingAs.ifPresent(entry -> builder.header("X-Missive-Acting-As", entry));
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("Missive is not reachable at " + base(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The code of the rule a 422 names (https://missive.dev/fhir/CodeSystem/rule). */
    static String rule(Response refused) {
        return refused.outcome()
                .getIssueFirstRep()
                .getDetails()
                .getCodingFirstRep()
                .getCode();
    }

    record Response(int status, String body, String contentType, String etag) {

        <T extends IBaseResource> T as(Class<T> type) {
            return CONTEXT.newJsonParser().parseResource(type, body);
        }

        Bundle bundle() {
            return as(Bundle.class);
        }

        OperationOutcome outcome() {
            return as(OperationOutcome.class);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
