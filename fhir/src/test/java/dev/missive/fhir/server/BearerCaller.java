package dev.missive.fhir.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.security.Principal;

/**
 * The servlet container's part in production, reduced to what the FHIR layer reads: a request
 * with {@code Authorization: Bearer {account}} comes from that account; one without has no caller.
 */
final class BearerCaller implements Filter {

    private static final String BEARER = "Bearer ";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String authorization = http.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Principal account = () -> authorization.substring(BEARER.length());
        chain.doFilter(
                new HttpServletRequestWrapper(http) {
                    @Override
                    public Principal getUserPrincipal() {
                        return account;
                    }

                    @Override
                    public String getRemoteUser() {
                        return account.getName();
                    }
                },
                response);
    }
}
