package dev.missive.subscription;

import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where notifications may be posted: under one of the configured endpoints
 * ({@code MISSIVE_SUBSCRIPTION_ENDPOINTS}, comma-separated), over https, or plain http to the
 * loopback interface only. An entry names a scheme, a host, optionally a port (none: any port of
 * that host) and a path an endpoint must be at or below. Nothing configured: nothing allowed.
 */
@ApplicationScoped
public class SubscriptionEndpoints {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Inject
    @ConfigProperty(name = "missive.subscription.endpoints")
    Optional<String> configured;

    private List<URI> allowed;

    /** The configured entries, read on first use; an entry that is no URI allows nothing. */
    private List<URI> allowed() {
        if (allowed == null) {
            allowed = configured.stream()
                    .flatMap(list -> Arrays.stream(list.split(",")))
                    .map(String::strip)
                    .filter(entry -> !entry.isEmpty())
                    .map(SubscriptionEndpoints::uri)
                    .flatMap(Optional::stream)
                    .toList();
        }
        return allowed;
    }

    /** The endpoint, if allowed; else a 422 that names the rule, not the endpoint. */
    public String require(String endpoint) {
        Optional<URI> uri = uri(endpoint);
        if (uri.isEmpty()
                || !secureEnough(uri.get())
                || allowed().stream().noneMatch(entry -> covers(entry, uri.get()))) {
            throw new RuleViolationException(
                    Rule.SUBSCRIPTION_ENDPOINT_NOT_ALLOWED,
                    "The endpoint is not one this server may post to: https (http to loopback only), under an"
                            + " endpoint the operator allowed");
        }
        return endpoint;
    }

    private static boolean secureEnough(URI uri) {
        return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
    }

    private static boolean covers(URI entry, URI endpoint) {
        String path = entry.getRawPath().isEmpty() ? "/" : entry.getRawPath();
        String endpointPath = endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        return entry.getScheme().equals(endpoint.getScheme())
                && entry.getHost().equals(endpoint.getHost())
                && (entry.getPort() == -1 || entry.getPort() == endpoint.getPort())
                && (endpointPath.equals(path) || endpointPath.startsWith(path.endsWith("/") ? path : path + "/"));
    }

    /** Absolute, with a host, no user info or fragment; scheme and host in lower case. */
    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(new URI(
                    uri.getScheme().toLowerCase(Locale.ROOT),
                    null,
                    uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort(),
                    uri.getPath(),
                    uri.getQuery(),
                    null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
