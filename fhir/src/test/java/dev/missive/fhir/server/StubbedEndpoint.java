package dev.missive.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import dev.missive.audit.AuditAccess;
import dev.missive.directory.Identifier;
import dev.missive.thread.CommunicationIdentifiers;
import jakarta.servlet.http.HttpServlet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Missive's FHIR endpoint, the production servlet ({@link MissiveRestfulServer}) over the stub
 * services given, in HAPI's embedded Jetty. Requests are sent as the signed-in account
 * {@link #CALLER}. Register it on an instance field of a {@code @TestInstance(PER_CLASS)} test:
 * the server then starts once for the class, with the stubs that test instance holds.
 */
public final class StubbedEndpoint extends RestfulServerExtension {

    public static final String CALLER = "drlee";

    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RequestsFinished finished = new RequestsFinished();
    private final MissiveRestfulServer production;

    public StubbedEndpoint(Object... services) {
        super(FhirContext.forR4Cached());
        Object[] stubs = Stream.concat(
                        Stream.of(new Unaudited(), new SearchesKept(), new NoIdentifiers()), Stream.of(services))
                .toArray();
        production = new Beans(stubs).get(MissiveRestfulServer.class);
        withServletFilter(new BearerCaller());
        withServletFilter(finished);
        // where the web module maps it (links such as a search's next page are built on it)
        withServletPath("/fhir/*");
        keepAliveBetweenTests();
    }

    /** The production servlet itself, not a server of the harness's own. */
    @Override
    protected HttpServlet provideServlet() {
        return production;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (context.getTestInstanceLifecycle().orElse(null) != TestInstance.Lifecycle.PER_CLASS) {
            throw new IllegalStateException("A StubbedEndpoint serves a @TestInstance(PER_CLASS) test class");
        }
        super.beforeEach(context);
        // An extension on an instance field is never told that the class is done; the class's store is closed then.
        context.getParent()
                .orElseThrow()
                .getStore(ExtensionContext.Namespace.create(StubbedEndpoint.class))
                .getOrComputeIfAbsent(this, endpoint -> (AutoCloseable) endpoint::stopServer);
    }

    /** A request as {@link #CALLER} for {@code path}: relative to the FHIR base, or a link the server gave. */
    public HttpRequest.Builder request(String path) {
        return request(path, TestToken.PRACTITIONER);
    }

    /** A request with {@code token} for {@code path}. */
    public HttpRequest.Builder request(String path, TestToken token) {
        return anonymous(path).header("Authorization", token.header());
    }

    /** A request for {@code path} that carries no token. */
    public HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(getBaseUrl() + "/").resolve(path));
    }

    /** The response, once the server is done with the request (its audit record written). */
    public HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String id = finished.expect();
        HttpResponse<byte[]> response =
                http.send(request.header(RequestsFinished.HEADER, id).build(), HttpResponse.BodyHandlers.ofByteArray());
        finished.await(id);
        return response;
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /**
     * The status of a request as {@link #CALLER} that declares a body of {@code length} bytes and
     * never sends it, once the server is done with it: an answer at all means that nothing waited
     * for the body. Over a socket of its own, as an HTTP client would not announce a length it does
     * not send.
     */
    public int statusWithoutBody(String method, String path, String contentType, long length)
            throws IOException, InterruptedException {
        URI base = URI.create(getBaseUrl());
        String id = finished.expect();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream()
                    .write((method + " " + base.getPath() + "/" + path + " HTTP/1.1\r\n"
                                    + "Host: " + base.getHost() + "\r\n"
                                    + "Authorization: " + TestToken.PRACTITIONER.header() + "\r\n"
                                    + RequestsFinished.HEADER + ": " + id + "\r\n"
                                    + "Content-Type: " + contentType + "\r\n"
                                    + "Content-Length: " + length + "\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String statusLine = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            if (statusLine == null) {
                throw new IllegalStateException("The server closed the connection without an answer");
            }
            finished.await(id);
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    public <T extends IBaseResource> T parse(Class<T> type, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return getFhirContext().newJsonParser().parseResource(type, body);
    }

    /**
     * Where audit records go when a test gives no AuditService of its own: nowhere (the trail
     * would log each record it could not hand over).
     */
    private static final class Unaudited extends AuditTrailStub {

        @Override
        public void record(AuditAccess access, Set<String> patientsConcerned) {
            // not what the test is about
        }

        @Override
        public void recordWithoutCaller(AuditAccess access) {
            // not what the test is about
        }
    }

    /** Communications carrying no identifiers, when a test gives no CommunicationIdentifiers of its own. */
    private static final class NoIdentifiers implements CommunicationIdentifiers {

        @Override
        public Optional<String> find(Identifier identifier) {
            return Optional.empty();
        }

        @Override
        public void record(String communicationId, Collection<Identifier> identifiers) {
            throw new UnsupportedOperationException("CommunicationIdentifiers is not stubbed in this test");
        }

        @Override
        public Map<String, List<Identifier>> carriedBy(Collection<String> communicationIds) {
            return Map.of();
        }

        @Override
        public List<String> carrying(Identifier identifier, int limit) {
            return List.of();
        }
    }
}
