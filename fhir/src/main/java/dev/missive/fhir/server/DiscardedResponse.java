package dev.missive.fhir.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The response to a {@link SearchReplay}: nobody reads it, so its body and headers go nowhere
 * (the page request's own response is not touched).
 */
final class DiscardedResponse implements HttpServletResponse {

    private final ServletOutputStream body = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // written at once, never waited for
        }

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // discarded
        }
    };
    private final PrintWriter writer = new PrintWriter(Writer.nullWriter());
    private int status = SC_OK;

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int status, String message) {
        this.status = status;
    }

    @Override
    public void sendError(int status) {
        this.status = status;
    }

    @Override
    public void sendRedirect(String location) {
        this.status = SC_FOUND;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return body;
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public void addCookie(Cookie cookie) {
        // discarded
    }

    @Override
    public boolean containsHeader(String name) {
        return false;
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public void setDateHeader(String name, long date) {
        // discarded
    }

    @Override
    public void addDateHeader(String name, long date) {
        // discarded
    }

    @Override
    public void setHeader(String name, String value) {
        // discarded
    }

    @Override
    public void addHeader(String name, String value) {
        // discarded
    }

    @Override
    public void setIntHeader(String name, int value) {
        // discarded
    }

    @Override
    public void addIntHeader(String name, int value) {
        // discarded
    }

    @Override
    public String getHeader(String name) {
        return null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return List.of();
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.of();
    }

    @Override
    public String getCharacterEncoding() {
        return "UTF-8";
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // discarded
    }

    @Override
    public void setContentLength(int length) {
        // discarded
    }

    @Override
    public void setContentLengthLong(long length) {
        // discarded
    }

    @Override
    public void setContentType(String type) {
        // discarded
    }

    @Override
    public void setBufferSize(int size) {
        // nothing is buffered
    }

    @Override
    public int getBufferSize() {
        return 0;
    }

    @Override
    public void flushBuffer() {
        // nothing is buffered
    }

    @Override
    public void resetBuffer() {
        // nothing is buffered
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void reset() {
        status = SC_OK;
    }

    @Override
    public void setLocale(Locale locale) {
        // discarded
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }
}
