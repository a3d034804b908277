package dev.missive.fhir.smart;

import dev.missive.security.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whose data a scope is about: {@code patient/} for a patient or a proxy (their own or their
 * patients' records), {@code user/} for whatever the signed-in person may see, {@code system/}
 * for a backend service. A scope counts only for a caller whose role fits its context: a
 * practitioner's {@code patient/} scope or a person's {@code system/} scope grants nothing.
 */
public enum ScopeContext {
    PATIENT("patient", EnumSet.of(Role.PATIENT, Role.PROXY)),
    USER("user", EnumSet.of(Role.PATIENT, Role.PROXY, Role.PRACTITIONER, Role.CLINIC_ADMIN)),
    SYSTEM("system", EnumSet.of(Role.INTEGRATION));

    private final String prefix;
    private final Set<Role> roles;

    ScopeContext(String prefix, Set<Role> roles) {
        this.prefix = prefix;
        this.roles = roles;
    }

    public String prefix() {
        return prefix;
    }

    /** The contexts a caller holding the roles {@code hasRole} accepts may use. */
    public static Set<ScopeContext> usableBy(Predicate<Role> hasRole) {
        Set<ScopeContext> usable = EnumSet.noneOf(ScopeContext.class);
        for (ScopeContext context : values()) {
            if (context.roles.stream().anyMatch(hasRole)) {
                usable.add(context);
            }
        }
        return usable;
    }

    static ScopeContext byPrefix(String prefix) {
        for (ScopeContext context : values()) {
            if (context.prefix.equals(prefix)) {
                return context;
            }
        }
        return null;
    }
}
