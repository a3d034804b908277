package dev.missive.thread;

import dev.missive.directory.Identifier;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER})
public class DefaultCommunicationIdentifiers implements CommunicationIdentifiers {

    @Inject
    CallerContext callers;

    @Inject
    CommunicationIdentifierRepository identifiers;

    @Override
    public Optional<String> find(Identifier identifier) {
        return identifiers
                .find(new CommunicationIdentifier.Key(callers.current().username(), identifier))
                .map(CommunicationIdentifier::getCommunicationId);
    }

    @Override
    public void record(String communicationId, Collection<Identifier> given) {
        String account = callers.current().username();
        for (Identifier identifier : given) {
            identifier.requireValid();
            identifiers.add(new CommunicationIdentifier(account, identifier, communicationId));
        }
    }

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
    public Map<String, List<Identifier>> carriedBy(Collection<String> communicationIds) {
        if (communicationIds.isEmpty()) {
            return Map.of();
        }
        return identifiers.ofCommunications(communicationIds).stream()
                .collect(Collectors.groupingBy(
                        CommunicationIdentifier::getCommunicationId,
                        Collectors.mapping(CommunicationIdentifier::identifier, Collectors.toList())));
    }

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
    public List<String> carrying(Identifier identifier, int limit) {
        identifier.requireValid();
        return identifiers.communicationsCarrying(identifier, limit);
    }
}
