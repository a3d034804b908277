package dev.missive.fhir.server;

import ca.uhn.fhir.util.UrlUtil;
import dev.missive.search.PagedSearch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * A recorded search run again, for a page of it that this node does not hold: a GET of its path
 * and query, made by the page request's caller (its principal, roles and headers, the token
 * among them), so that what the caller may see now is what applies. What the server sets on it
 * (attributes) stays on it; what it fails with is kept for the page request to answer.
 */
final class SearchReplay extends HttpServletRequestWrapper {

    private final PagedSearch search;
    private final Map<String, String[]> parameters;
    private final Map<String, Object> attributes = new HashMap<>();
    private Throwable failure;

    SearchReplay(HttpServletRequest page, PagedSearch search) {
        super(page);
        this.search = search;
        this.parameters = UrlUtil.parseQueryString(search.getQuery());
    }

    String searchId() {
        return search.getId();
    }

    void failed(Throwable thrown) {
        failure = thrown;
    }

    /** Throws what the search failed with, run again: the page request answers it as its own. */
    void rethrowFailure() {
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("The search failed when run again", failure);
        }
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getPathInfo() {
        return "/" + search.getPath();
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + getServletPath() + getPathInfo();
    }

    @Override
    public StringBuffer getRequestURL() {
        // the page request's scheme, host and port, with this request's path
        StringBuffer page = super.getRequestURL();
        return new StringBuffer(
                        page.substring(0, page.length() - super.getRequestURI().length()))
                .append(getRequestURI());
    }

    @Override
    public String getQueryString() {
        return search.getQuery();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.put(name, null);
    }
}
