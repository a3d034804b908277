package dev.missive.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Raw uploads and downloads of attachments over HTTP, as a portal's file picker sends them:
 * the file's bytes with its Content-Type, not FHIR JSON.
 */
final class Binaries {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Binaries() {}

    static HttpResponse<String> upload(String account, String contentType, byte[] content) {
        return send(
                request(account, "Binary")
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content)),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An upload whose length is not announced: sent chunked, {@code head} then filler up to {@code length}. */
    static HttpResponse<String> uploadChunked(String account, String contentType, byte[] head, long length) {
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(head), new Filler(length - head.length));
        return send(
                request(account, "Binary")
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The id a successful upload answered with, from its Location. */
    static String idOf(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static HttpResponse<byte[]> download(String account, String id, String accept) {
        return send(
                request(account, "Binary/" + id).header("Accept", accept).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Announces a body of {@code length} bytes and sends none of it: the answer must come
     * from the headers alone. Returns the status line.
     */
    static String announceOnly(String account, long length) throws IOException {
        URI base = URI.create(Fhir.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + "/Binary HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                            + "Authorization: Bearer " + Tokens.of(account) + "\r\nContent-Type: application/pdf\r\n"
                            + "Content-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] line = new byte[64];
            int read = socket.getInputStream().read(line);
            return new String(line, 0, Math.max(read, 0), StandardCharsets.US_ASCII)
                    .lines()
                    .findFirst()
                    .orElse("");
        }
    }

    /** The files in the suite's attachment store, the staging area included. */
    static long storedFiles() throws IOException {
        Path store = Path.of(
                System.getProperty("missive.it.dir"),
                "wildfly-" + System.getProperty("arquillian.launch"),
                "standalone",
                "data",
                "attachments");
        if (!Files.exists(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static HttpRequest.Builder request(String account, String path) {
        return HttpRequest.newBuilder(URI.create(Fhir.base() + "/" + path))
                .header("Authorization", "Bearer " + Tokens.of(account));
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request.build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException("Missive is not reachable at " + Fhir.base(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Bytes made up on the fly: a large body without a large array. */
    private static final class Filler extends InputStream {

        private long remaining;

        Filler(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int count = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
            remaining -= count;
            return count;
        }
    }
}
