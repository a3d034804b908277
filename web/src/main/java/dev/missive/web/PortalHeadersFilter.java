package dev.missive.web;

import dev.missive.fhir.server.SigningRealm;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on everything the portal serves: scripts, styles and images only from
 * Missive itself, API calls only to Missive and the clinic's Keycloak (the token endpoint), no
 * framing, no referrer leaving the page, and revalidation so that a new release is picked up.
 */
@WebFilter("/portal/*")
public class PortalHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    SigningRealm realm;

    private String policy;

    @Override
    public void init() {
        policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' "
                + realm.origin()
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
