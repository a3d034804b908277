package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.thread.ThreadActions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;

/**
 * What people do to a thread or message once it exists, as instance operations on Communication
 * ({@code POST /Communication/{id}/$close}). They take no parameters: the id says it all, so the
 * body may be empty or an empty Parameters. Each answers the thread or message as it now is.
 */
@ApplicationScoped
public class ThreadActionProvider {

    @EJB
    ThreadActions actions;

    @Operation(name = "$close", type = Communication.class)
    @Description(shortDefinition = "Close a thread for everyone (any participant)")
    public Communication close(@IdParam IdType id) {
        return CommunicationMapper.toFhir(actions.close(id.getIdPart()));
    }

    @Operation(name = "$reopen", type = Communication.class)
    @Description(
            shortDefinition = "Reopen a closed thread, unless it is locked (practitioner inactive, patient merged)")
    public Communication reopen(@IdParam IdType id) {
        return CommunicationMapper.toFhir(actions.reopen(id.getIdPart()));
    }

    @Operation(name = "$archive", type = Communication.class)
    @Description(shortDefinition = "Archive a thread in the caller's own inbox")
    public Communication archive(@IdParam IdType id) {
        return CommunicationMapper.toFhir(actions.archive(id.getIdPart()));
    }

    @Operation(name = "$unarchive", type = Communication.class)
    @Description(shortDefinition = "Bring an archived thread back into the caller's inbox")
    public Communication unarchive(@IdParam IdType id) {
        return CommunicationMapper.toFhir(actions.unarchive(id.getIdPart()));
    }

    @Operation(name = "$retract", type = Communication.class)
    @Description(shortDefinition = "Take back one's own message within the retract window, before anyone acted on it")
    public Communication retract(@IdParam IdType id) {
        return CommunicationMapper.toFhir(actions.retract(id.getIdPart()));
    }

    @Operation(name = "$mark-read", type = Communication.class)
    @Description(shortDefinition = "Mark a message, or every message of a thread, read by the caller")
    public Communication markRead(@IdParam IdType id) {
        return CommunicationMapper.toFhir(actions.markRead(id.getIdPart()));
    }
}
