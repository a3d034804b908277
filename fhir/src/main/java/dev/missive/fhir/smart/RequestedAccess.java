package dev.missive.fhir.smart;

import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Optional;

/**
 * What a request does, in SMART's terms: a resource type and one interaction. It is read from
 * the method and the path, before HAPI chooses a handler, so that requests answered before
 * that (a Binary streamed in or out) are checked too. An operation is what it does to its
 * resources; one not in the table needs a wildcard scope. A page of an earlier search needs
 * nothing more than that search did. The conformance documents are public, and not asked here.
 */
public record RequestedAccess(String resourceType, Interaction interaction) {

    private static final String COMMUNICATION = "Communication";

    private static final Map<String, RequestedAccess> OPERATIONS = Map.ofEntries(
            Map.entry("$close", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$reopen", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$archive", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$unarchive", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$retract", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$mark-read", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$claim", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$release", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$assign", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$export-messages", new RequestedAccess(COMMUNICATION, Interaction.SEARCH)),
            Map.entry("$notification-dead-letters", new RequestedAccess(COMMUNICATION, Interaction.SEARCH)),
            Map.entry("$replay-notifications", new RequestedAccess(COMMUNICATION, Interaction.UPDATE)),
            Map.entry("$response-times", new RequestedAccess(COMMUNICATION, Interaction.SEARCH)),
            Map.entry("$message-recipients", new RequestedAccess("Practitioner", Interaction.SEARCH)),
            Map.entry("$status", new RequestedAccess("Subscription", Interaction.READ)),
            Map.entry("$events", new RequestedAccess("Subscription", Interaction.READ)),
            Map.entry("$cover", new RequestedAccess("Practitioner", Interaction.READ)),
            Map.entry("$set-cover", new RequestedAccess("Practitioner", Interaction.UPDATE)),
            Map.entry("$clear-cover", new RequestedAccess("Practitioner", Interaction.UPDATE)),
            Map.entry("$set-email-notifications", new RequestedAccess("Practitioner", Interaction.UPDATE)),
            Map.entry("$merge", new RequestedAccess("Patient", Interaction.UPDATE)),
            Map.entry("$unmerge", new RequestedAccess("Patient", Interaction.UPDATE)));

    private static final String GET_PAGES = "_getpages";

    /** What {@code details} asks for; empty for the next page of a search. */
    public static Optional<RequestedAccess> of(RequestDetails details) {
        String type = details.getResourceName() == null ? SmartScope.ANY_TYPE : details.getResourceName();
        String operation = details.getOperation();
        boolean hasId = details.getId() != null && details.getId().hasIdPart();
        RequestTypeEnum method = details.getRequestType();
        if (method == RequestTypeEnum.GET && details.getParameters().containsKey(GET_PAGES)) {
            return Optional.empty();
        }
        if (operation != null && operation.startsWith("$")) {
            return Optional.of(
                    ofOperation(operation).orElse(new RequestedAccess(SmartScope.ANY_TYPE, Interaction.UPDATE)));
        }
        if (details.getResourceName() == null && method == RequestTypeEnum.POST) {
            // a transaction: creates of Communications, and of the Consents they rest on (checked per entry)
            return Optional.of(new RequestedAccess(COMMUNICATION, Interaction.CREATE));
        }
        return Optional.of(new RequestedAccess(type, byMethod(method, hasId, operation)));
    }

    /** What the operation {@code name} ({@code $retract}) does, if it is one of Missive's. */
    public static Optional<RequestedAccess> ofOperation(String name) {
        return Optional.ofNullable(OPERATIONS.get(name));
    }

    private static Interaction byMethod(RequestTypeEnum method, boolean hasId, String operation) {
        return switch (method) {
            case GET, HEAD -> hasId || "_history".equals(operation) ? Interaction.READ : Interaction.SEARCH;
            case POST -> "_search".equals(operation) ? Interaction.SEARCH : Interaction.CREATE;
            case PUT, PATCH -> Interaction.UPDATE;
            case DELETE -> Interaction.DELETE;
            default -> Interaction.READ;
        };
    }
}
