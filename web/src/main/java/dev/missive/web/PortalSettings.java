package dev.missive.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the browser portal signs in: the realm WildFly verifies tokens against
 * ({@code OIDC_PROVIDER_URL}), so that the portal and the API never disagree about it.
 */
@ApplicationScoped
public class PortalSettings {

    static final String CLIENT_ID = "missive-portal";

    @Inject
    @ConfigProperty(name = "oidc.provider.url", defaultValue = "http://localhost:8180/realms/missive")
    String providerUrl;

    String issuer() {
        return providerUrl.endsWith("/") ? providerUrl.substring(0, providerUrl.length() - 1) : providerUrl;
    }

    /** Scheme, host and port of the realm: the one other place the portal may connect to. */
    String issuerOrigin() {
        URI uri = URI.create(issuer());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
