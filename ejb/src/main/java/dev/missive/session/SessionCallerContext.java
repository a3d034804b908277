package dev.missive.session;

import dev.missive.directory.PatientRepository;
import dev.missive.directory.PractitionerRepository;
import dev.missive.directory.ProxyScope;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.notification.StaffActivity;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the caller from the EJB security context that the OIDC token established: the
 * principal is the Keycloak username, and the directory entry is the one that carries it as
 * its portal-username identifier.
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class SessionCallerContext implements CallerContext {

    @Resource
    EJBContext context;

    @Inject
    PatientRepository patients;

    @Inject
    PractitionerRepository practitioners;

    @Inject
    ProxyScope proxies;

    @Inject
    StaffActivity staffActivity;

    @Inject
    RequestCaller requestCaller;

    @Override
    public Caller current() {
        String username = context.getCallerPrincipal().getName();
        return requestCaller.resolved(username).orElseGet(() -> {
            Caller caller = resolve(username);
            requestCaller.remember(caller);
            return caller;
        });
    }

    @Override
    public void actAs(Party entry) {
        String username = context.getCallerPrincipal().getName();
        requestCaller.choose(username, entry);
        try {
            current();
        } catch (ForbiddenException refused) {
            // the request is refused and recorded as the account's default self
            requestCaller.choose(username, null);
            throw refused;
        }
    }

    @Override
    public void actingFor(Party practitioner) {
        requestCaller.actingFor(current().username(), practitioner);
    }

    @Override
    public Optional<Party> onBehalfOf() {
        return requestCaller.onBehalfOf(context.getCallerPrincipal().getName());
    }

    private Caller resolve(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (context.isCallerInRole(role.roleName())) {
                roles.add(role);
            }
        }
        Optional<Party> party = partyOf(username, roles);
        Caller caller = new Caller(username, roles, party, proxyFor(username, roles));
        Optional<Party> chosen = requestCaller.chosen(username).filter(entry -> !party.equals(Optional.of(entry)));
        if (chosen.isPresent()) {
            caller = patientSide(caller, chosen.get());
        }
        // A practitioner making requests is working in the portal: no email about new messages.
        caller.idAs(PartyType.PRACTITIONER).ifPresent(staffActivity::seen);
        return caller;
    }

    /**
     * A staff member who is also a patient acts as their Patient when they choose it (the
     * default, when they hold both, is their Practitioner); no other entry may be chosen.
     */
    private Caller patientSide(Caller caller, Party chosen) {
        boolean ownPatient = chosen.type() == PartyType.PATIENT
                && caller.has(Role.PATIENT)
                && patients.findByPortalUsername(caller.username()).stream()
                        .anyMatch(patient -> patient.getId().equals(chosen.id()));
        if (!ownPatient) {
            throw new ForbiddenException("The account acts only as its own Patient or Practitioner");
        }
        return caller.asPatient(chosen.id());
    }

    /** A proxy acts for each patient of whom they are an active RelatedPerson, within its period. */
    private Map<String, String> proxyFor(String username, Set<Role> roles) {
        if (!roles.contains(Role.PROXY)) {
            return Map.of();
        }
        Map<String, String> proxyFor = new LinkedHashMap<>();
        proxies.actingNow(username).forEach(proxy -> proxyFor.put(proxy.getPatientId(), proxy.getId()));
        return proxyFor;
    }

    /** A practitioner account acts as its Practitioner; a patient account as its Patient. */
    private Optional<Party> partyOf(String username, Set<Role> roles) {
        if (roles.contains(Role.PRACTITIONER)) {
            return practitioners.findByPortalUsername(username).stream()
                    .findFirst()
                    .map(p -> Party.practitioner(p.getId()));
        }
        if (roles.contains(Role.PATIENT)) {
            return patients.findByPortalUsername(username).stream().findFirst().map(p -> Party.patient(p.getId()));
        }
        return Optional.empty();
    }
}
