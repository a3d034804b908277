package dev.missive.fhir.provider;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import dev.missive.directory.Identifier;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.thread.CommunicationIdentifiers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;

/**
 * Shows every Communication in a response with the identifiers its author gave it (an EHR's
 * message id), whichever read, search, page or action returned it: one query per response, for
 * all its Communications, rather than one in each of the many places that map them. The caller
 * already holds the Communications; the identifiers add nothing they may not see.
 */
@Interceptor
@ApplicationScoped
public class CommunicationIdentifierEcho {

    @EJB
    CommunicationIdentifiers identifiers;

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void echo(ResponseDetails response) {
        List<Communication> communications = communicationsIn(response.getResponseResource());
        if (communications.isEmpty()) {
            return;
        }
        Map<String, List<Identifier>> carried = identifiers.carriedBy(communications.stream()
                .map(communication -> communication.getIdElement().getIdPart())
                .toList());
        for (Communication communication : communications) {
            communication.setIdentifier(CommunicationMapper.toFhirIdentifiers(
                    carried.getOrDefault(communication.getIdElement().getIdPart(), List.of())));
        }
    }

    private static List<Communication> communicationsIn(IBaseResource resource) {
        List<Communication> found = new ArrayList<>();
        if (resource instanceof Communication communication
                && communication.getIdElement().hasIdPart()) {
            found.add(communication);
        } else if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                found.addAll(communicationsIn(entry.getResource()));
            }
        }
        return found;
    }
}
