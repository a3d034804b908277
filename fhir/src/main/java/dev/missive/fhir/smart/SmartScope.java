package dev.missive.fhir.smart;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One resource scope of SMART App Launch: v2 ({@code patient/Communication.rs}) or v1
 * ({@code user/*.read}, {@code .write}, {@code .*}). A v2 scope narrowed by search parameters
 * ({@code ?category=...}) is not honoured, as anything else in the token's {@code scope}
 * ({@code openid}, {@code profile}) is not a resource scope: ignoring a narrowing would widen.
 */
public record SmartScope(ScopeContext context, String resourceType, Set<Interaction> interactions) {

    public static final String ANY_TYPE = "*";

    private static final Pattern SHAPE = Pattern.compile("([a-z]+)/(\\*|[A-Z][A-Za-z]+)\\.([a-z*]+)");
    private static final Pattern V2_LETTERS = Pattern.compile("c?r?u?d?s?");

    public static Optional<SmartScope> parse(String text) {
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            return Optional.empty();
        }
        ScopeContext context = ScopeContext.byPrefix(shape.group(1));
        Set<Interaction> interactions = interactions(shape.group(3));
        if (context == null || interactions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SmartScope(context, shape.group(2), interactions));
    }

    public boolean covers(String type, Interaction interaction) {
        return (ANY_TYPE.equals(resourceType) || resourceType.equals(type)) && interactions.contains(interaction);
    }

    private static Set<Interaction> interactions(String permissions) {
        switch (permissions) {
            case "read":
                return EnumSet.of(Interaction.READ, Interaction.SEARCH);
            case "write":
                return EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
            case "*":
                return EnumSet.allOf(Interaction.class);
            default:
                Set<Interaction> letters = EnumSet.noneOf(Interaction.class);
                if (V2_LETTERS.matcher(permissions).matches()) {
                    for (Interaction interaction : Interaction.values()) {
                        if (permissions.indexOf(interaction.letter()) >= 0) {
                            letters.add(interaction);
                        }
                    }
                }
                return letters;
        }
    }
}
