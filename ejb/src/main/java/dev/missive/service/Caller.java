package dev.missive.service;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the signed-in account, its roles, and the directory entry it acts as
 * (empty for an integration engine or a clinic admin, who act as themselves).
 */
public record Caller(String username, Set<Role> roles, Optional<Party> party) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Integration engines and clinic admins see every thread and directory entry. */
    public boolean seesEverything() {
        return has(Role.INTEGRATION) || has(Role.CLINIC_ADMIN);
    }

    public boolean is(Party other) {
        return party.map(other::equals).orElse(false);
    }

    public Optional<String> idAs(PartyType type) {
        return party.filter(p -> p.type() == type).map(Party::id);
    }
}
