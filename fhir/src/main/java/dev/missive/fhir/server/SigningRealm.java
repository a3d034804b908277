package dev.missive.fhir.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Keycloak realm whose tokens the server accepts ({@code OIDC_PROVIDER_URL}, which WildFly's
 * OIDC client reads too), and its endpoints. They are derived from the paths Keycloak gives every
 * realm rather than fetched from its discovery document, so that what the server advertises does
 * not depend on Keycloak being up when it starts.
 */
@ApplicationScoped
public class SigningRealm {

    private static final String OPENID_CONNECT = "/protocol/openid-connect/";

    @Inject
    @ConfigProperty(name = "oidc.provider.url", defaultValue = "http://localhost:8180/realms/missive")
    String providerUrl;

    /** The tokens' {@code iss}: the provider URL without a trailing slash. */
    public String issuer() {
        return providerUrl.endsWith("/") ? providerUrl.substring(0, providerUrl.length() - 1) : providerUrl;
    }

    /** Scheme, host and port of the realm. */
    public String origin() {
        URI uri = URI.create(issuer());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String authorizationEndpoint() {
        return issuer() + OPENID_CONNECT + "auth";
    }

    public String tokenEndpoint() {
        return issuer() + OPENID_CONNECT + "token";
    }

    public String revocationEndpoint() {
        return issuer() + OPENID_CONNECT + "revoke";
    }

    public String jwksUri() {
        return issuer() + OPENID_CONNECT + "certs";
    }
}
