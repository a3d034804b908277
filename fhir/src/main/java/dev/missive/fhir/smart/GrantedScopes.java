package dev.missive.fhir.smart;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The resource scopes of one token that count for its caller (see {@link ScopeContext}). */
public final class GrantedScopes {

    private static final String KEPT = GrantedScopes.class.getName();

    private final List<SmartScope> scopes;
    private final Set<ScopeContext> usable;

    /** {@code scopeClaim}: the token's space-separated {@code scope}. */
    public GrantedScopes(String scopeClaim, Set<ScopeContext> usable) {
        this.usable = Set.copyOf(usable);
        this.scopes = Arrays.stream(scopeClaim.trim().split(" +"))
                .map(SmartScope::parse)
                .flatMap(Optional::stream)
                .filter(scope -> usable.contains(scope.context()))
                .toList();
    }

    /** The scopes of the request's token, as the scope check kept them; empty before it ran. */
    public static Optional<GrantedScopes> of(RequestDetails details) {
        return details.getUserData().get(KEPT) instanceof GrantedScopes granted
                ? Optional.of(granted)
                : Optional.empty();
    }

    /** Kept with the request, for what is checked once its content is known (a transaction's entries). */
    public void keep(RequestDetails details) {
        details.getUserData().put(KEPT, this);
    }

    /** Refuses (403, naming the scope it needs) an interaction no scope grants. */
    public void require(String type, Interaction interaction) {
        if (!allow(type, interaction)) {
            throw new ForbiddenOperationException(
                    "The token's scopes do not allow this request: it needs " + needed(type, interaction));
        }
    }

    public boolean allow(String type, Interaction interaction) {
        return scopes.stream().anyMatch(scope -> scope.covers(type, interaction));
    }

    /** The narrowest scopes, one per usable context, any of which would allow the request: for the refusal. */
    public String needed(String type, Interaction interaction) {
        return usable.stream()
                .sorted()
                .map(context -> context.prefix() + "/" + type + "." + interaction.letter())
                .collect(Collectors.joining(" or "));
    }
}
