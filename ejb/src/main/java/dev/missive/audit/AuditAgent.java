package dev.missive.audit;

import dev.missive.domain.Party;

/**
 * Who made a request: the account (a Keycloak username, or the integration engine's service
 * account), its roles, the directory entry it acts as, and the patient a proxy acted for.
 * Every part is null when unknown (a request with a refused token has no account).
 */
public record AuditAgent(String username, String roles, Party party, String onBehalfOf) {

    public static final AuditAgent UNKNOWN = new AuditAgent(null, null, null, null);
}
