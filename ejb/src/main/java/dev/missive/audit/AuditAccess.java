package dev.missive.audit;

/**
 * What a request did, as the audit trail keeps it: the interaction (a FHIR restful interaction
 * code, or {@code login} for a refused token), the resource type and id, the operation, the
 * query with every health-bearing value removed, the HTTP status, where it came from, and why
 * a token was refused. Never a message text, a subject or a search text.
 */
public record AuditAccess(
        String interaction,
        String resourceType,
        String resourceId,
        String operation,
        String query,
        int status,
        String clientAddress,
        String forwardedFor,
        String reason) {

    /** The interaction of a request refused for its token before any handler ran. */
    public static final String LOGIN = "login";

    /** The facts that carry no health information, for the server log when the trail cannot take them. */
    public String describe() {
        return "interaction=" + interaction + " resource=" + resourceType + "/" + resourceId + " operation=" + operation
                + " status=" + status + " outcome="
                + AuditOutcome.ofStatus(status).code() + " address=" + clientAddress;
    }
}
