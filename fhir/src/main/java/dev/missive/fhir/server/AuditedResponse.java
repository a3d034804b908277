package dev.missive.fhir.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * A FHIR request's response, which sends nothing before the request's audit record is durable.
 * Whoever answers (HAPI writing a resource or an error, the Binary stream, an export, a refusal
 * of RDF) sets the status and headers and then asks for the body's stream or writer: the record
 * is written at that moment, with the status it is about to send, or when the request ends if it
 * has no body. Nothing has reached the client by then. If the record cannot be written, what
 * the request would have answered is dropped, and it is answered {@link AuditTrail#refuse 503}.
 */
final class AuditedResponse extends HttpServletResponseWrapper {

    private enum State {
        PENDING,
        RECORDED,
        REFUSED
    }

    private BooleanSupplier record;
    private State state = State.PENDING;

    AuditedResponse(HttpServletResponse response) {
        super(response);
    }

    /** How the request is recorded, given as soon as HAPI knows the request: answers whether the record is durable. */
    void recordWith(BooleanSupplier record) {
        this.record = record;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return recorded() ? super.getOutputStream() : new Dropped();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return recorded() ? super.getWriter() : new PrintWriter(Writer.nullWriter());
    }

    @Override
    public void flushBuffer() throws IOException {
        if (recorded()) {
            super.flushBuffer();
        }
    }

    /** The end of the request: a response without a body is recorded now, a refused one answered. */
    void finish() throws IOException {
        if (!recorded()) {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.reset();
            AuditTrail.refuse(response);
        }
    }

    private boolean recorded() {
        if (state == State.PENDING) {
            state = record.getAsBoolean() ? State.RECORDED : State.REFUSED;
        }
        return state == State.RECORDED;
    }

    /** Where the body of a refused request goes. */
    private static final class Dropped extends ServletOutputStream {

        @Override
        public void write(int b) {
            // dropped: the request is answered 503
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // dropped
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("not an asynchronous response");
        }
    }
}
