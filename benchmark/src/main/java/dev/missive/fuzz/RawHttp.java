package dev.missive.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the request line, headers and body
 * go out exactly as the fuzzer made them (a JDK client would refuse a bad percent escape, a
 * header with a space in its name or a method it does not know), and the answer is read whatever
 * it is (chunked, sized, or up to the close).
 */
public final class RawHttp {

    /** Bodies longer than this are read to the end but not kept (an export can be large). */
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final String host;
    private final int port;
    private final String basePath;
    private final int timeoutMs;

    /** @param base the FHIR base, {@code http://localhost:8080/fhir} */
    public RawHttp(String base, int timeoutMs) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.basePath = uri.getRawPath().replaceAll("/$", "");
        this.timeoutMs = timeoutMs;
    }

    /**
     * The path a target names: relative to the base ({@code Communication?x=1}, {@code ""} for the
     * base itself), an absolute path ({@code /health}), or a whole URL (a paging link), whose path
     * and query are sent as they are.
     */
    String pathOf(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        if (target.startsWith("/")) {
            return target;
        }
        return basePath + "/" + target;
    }

    public FuzzResponse send(FuzzRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            write(head, request.method() + " " + pathOf(request.target()) + " HTTP/1.1\r\n");
            write(head, "Host: " + host + ":" + port + "\r\n");
            write(head, "Connection: close\r\n");
            for (FuzzRequest.Header header : request.headers()) {
                write(head, header.name() + ": " + header.value() + "\r\n");
            }
            // a Transfer-Encoding: chunked header (a header mutation) gets a body framed as it says
            boolean chunked = request.headers().stream()
                    .anyMatch(h -> h.name().equalsIgnoreCase("Transfer-Encoding")
                            && h.value().toLowerCase(Locale.ROOT).contains("chunked"));
            if (request.body() != null && !chunked) {
                write(head, "Content-Length: " + request.body().length + "\r\n");
            }
            write(head, "\r\n");
            try {
                out.write(head.toByteArray());
                byte[] body = request.body() == null ? new byte[0] : request.body();
                if (chunked) {
                    if (body.length > 0) {
                        out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer (401, 413, 431...) and close before it has read all: read what it said.
                FuzzResponse early = read(new BufferedInputStream(socket.getInputStream()), request.method());
                return early.status() < 0
                        ? FuzzResponse.none("the server closed the connection while the request was sent: " + e)
                        : early;
            }
            return read(new BufferedInputStream(socket.getInputStream()), request.method());
        } catch (IOException e) {
            return FuzzResponse.none(e.toString());
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static FuzzResponse read(InputStream in, String method) throws IOException {
        int status;
        Map<String, List<String>> headers;
        do {
            String statusLine = line(in);
            if (statusLine == null) {
                return FuzzResponse.none("the connection closed without an answer");
            }
            String[] parts = statusLine.split(" ", 3);
            try {
                status = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                return FuzzResponse.none("not an HTTP status line: " + Text.clip(statusLine, 200));
            }
            headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(
                                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).strip());
                }
            }
        } while (status / 100 == 1); // 100 Continue comes before the answer
        Body body = new Body();
        boolean bodyless = method.equals("HEAD") || status == 204 || status == 304;
        if (!bodyless) {
            List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
            List<String> length = headers.getOrDefault("content-length", List.of());
            if (encoding.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("chunked"))) {
                chunked(in, body);
            } else if (!length.isEmpty()) {
                copy(in, body, Long.parseLong(length.get(0)));
            } else {
                copy(in, body, Long.MAX_VALUE);
            }
        }
        boolean gzip = headers.getOrDefault("content-encoding", List.of()).stream()
                .anyMatch(e -> e.toLowerCase(Locale.ROOT).contains("gzip"));
        return new FuzzResponse(status, headers, gzip ? body.gunzipped() : body.text(), body.truncated, null);
    }

    private static void chunked(InputStream in, Body body) throws IOException {
        for (String size = line(in); size != null; size = line(in)) {
            long length = Long.parseLong(size.split(";", 2)[0].strip(), 16);
            if (length == 0) {
                return;
            }
            copy(in, body, length);
            line(in);
        }
    }

    private static void copy(InputStream in, Body body, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            body.add(buffer, read);
            left -= read;
        }
    }

    /** A header line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        void add(byte[] buffer, int length) {
            int room = MAX_BODY - bytes.size();
            if (room < length) {
                truncated = true;
            }
            bytes.write(buffer, 0, Math.max(0, Math.min(room, length)));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** A gzip-encoded answer as the client reads it, so that the checks see its text. */
        String gunzipped() {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return text();
            }
        }
    }
}
