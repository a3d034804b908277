package dev.missive.security;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the signed-in account, its roles, the directory entry it acts as (empty for
 * an integration engine, a clinic admin or a proxy), and, for a proxy, the patients they may
 * act for now, each with the RelatedPerson record that lets them.
 */
public record Caller(String username, Set<Role> roles, Optional<Party> party, Map<String, String> proxyFor) {

    public Caller(String username, Set<Role> roles, Optional<Party> party) {
        this(username, roles, party, Map.of());
    }

    /**
     * This caller on the patient side, as the patient {@code patientId} (their own entry): the
     * staff roles dropped, so that no rule takes them for staff while they act as a patient.
     */
    public Caller asPatient(String patientId) {
        Set<Role> patientRoles = EnumSet.noneOf(Role.class);
        roles.stream()
                .filter(role -> role == Role.PATIENT || role == Role.PROXY)
                .forEach(patientRoles::add);
        return new Caller(username, patientRoles, Optional.of(Party.patient(patientId)), proxyFor);
    }

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

    /** The party this caller writes as on the patient side of that patient's threads. */
    public Optional<Party> patientSideFor(String patientId) {
        if (is(Party.patient(patientId))) {
            return party;
        }
        return Optional.ofNullable(proxyFor.get(patientId)).map(id -> new Party(PartyType.RELATED_PERSON, id));
    }

    public boolean isProxyOf(String patientId) {
        return proxyFor.containsKey(patientId);
    }
}
