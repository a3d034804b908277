package dev.missive.audit;

import dev.missive.domain.Party;

/**
 * Who made a request: the account (a Keycloak username, or the integration engine's service
 * account), its roles, the directory entry it acts as, the patient a proxy acted for, and the
 * practitioner an integration engine wrote on behalf of. Every part is null when unknown (a
 * request with a refused token has no account).
 */
public record AuditAgent(String username, String roles, Party party, String onBehalfOf, String forPractitioner) {

    public static final AuditAgent UNKNOWN = new AuditAgent(null, null, null, null);

    public AuditAgent(String username, String roles, Party party, String onBehalfOf) {
        this(username, roles, party, onBehalfOf, null);
    }

    /** This agent, acting on behalf of the practitioner {@code practitionerId}. */
    public AuditAgent actingFor(String practitionerId) {
        return new AuditAgent(username, roles, party, onBehalfOf, practitionerId);
    }
}
