package dev.missive.fuzz;

/** How a request's bearer token was made; only the first two are tokens the server should take. */
public enum TokenKind {
    /** The caller's own token from Keycloak. */
    VALID,
    /** Another fuzzed caller's own token. */
    SWAPPED,
    /** No Authorization header. */
    NONE,
    /** "Bearer" followed by something that is no JWT. */
    GARBAGE,
    /** The caller's token under another scheme ("Basic", "bearer" in lower case, "Token"). */
    NOT_BEARER,
    /** The caller's claims with {@code "alg": "none"} and no signature. */
    ALG_NONE,
    /** The caller's token with one character of the signature changed. */
    ALTERED_SIGNATURE,
    /** The caller's token with {@code exp} (and {@code iat}) an hour in the past: the signature no longer fits. */
    EXPIRED,
    /** The caller's token with another {@code aud} and {@code azp}. */
    WRONG_AUDIENCE,
    /** The caller's token with the clinic-admin and integration roles and system scopes added. */
    ESCALATED,
    /** The caller's claims signed with HS256 and a guessable key. */
    HS256,
    /** The caller's token cut short. */
    TRUNCATED,
    /** The caller's token padded to tens of kilobytes. */
    HUGE,
    /** A real token of the clinic's Keycloak, properly signed, issued to another client (admin-cli). */
    FOREIGN_CLIENT,
    /** A real token of another realm of the same Keycloak (master), properly signed. */
    FOREIGN_REALM;

    /** Whether the server should take a request with this token as the caller's (or the swapped caller's). */
    public boolean genuine() {
        return this == VALID || this == SWAPPED;
    }
}
