package dev.missive.fhir.smart;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The resource scopes of one token that count for its caller (see {@link ScopeContext}). */
public final class GrantedScopes {

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
