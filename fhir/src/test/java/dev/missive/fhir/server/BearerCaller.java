package dev.missive.fhir.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * The servlet container's part in production, reduced to what the FHIR layer reads: a request
 * with a {@link TestToken} comes from its account, in its role; one without has no caller.
 */
final class BearerCaller implements Filter {

    private static final String BEARER = "Bearer ";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String authorization = http.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        JsonNode claims = json.readTree(Base64.getUrlDecoder()
                .decode(authorization.substring(BEARER.length()).split("\\.")[1]));
        Principal account = () -> claims.get("preferred_username").asText();
        Set<String> roles = new HashSet<>();
        claims.get("realm_access").get("roles").forEach(role -> roles.add(role.asText()));
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

                    @Override
                    public boolean isUserInRole(String role) {
                        return roles.contains(role);
                    }
                },
                response);
    }
}
