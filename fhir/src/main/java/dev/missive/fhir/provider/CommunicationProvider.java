package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.service.ConversationService;
import dev.missive.service.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;

/** Threads (header Communications) and messages (Communications with partOf). */
@ApplicationScoped
public class CommunicationProvider implements IResourceProvider {

    @EJB
    ConversationService conversations;

    @Override
    public Class<Communication> getResourceType() {
        return Communication.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Communication resource) {
        Communication created = CommunicationMapper.isThreadHeader(resource)
                ? CommunicationMapper.toFhir(conversations.start(CommunicationMapper.newThread(resource)))
                : CommunicationMapper.toFhir(conversations.send(CommunicationMapper.newMessage(resource)));
        return Versions.outcome(created, true);
    }

    @Read
    public Communication read(@IdParam IdType id) {
        String communicationId = id.getIdPart();
        try {
            return CommunicationMapper.toFhir(conversations.thread(communicationId));
        } catch (NotFoundException notAThread) {
            return CommunicationMapper.toFhir(conversations.message(communicationId));
        }
    }

    /**
     * {@code part-of:missing=true} is the caller's inbox, newest activity first;
     * {@code part-of=Communication/{id}} is one thread's messages in the order they were sent.
     */
    @Search
    public IBundleProvider byPartOf(@RequiredParam(name = Communication.SP_PART_OF) ReferenceParam partOf) {
        if (Boolean.TRUE.equals(partOf.getMissing())) {
            return new PagedResults(conversations.inboxSize(),
                    (offset, limit) -> conversations.inbox(offset, limit).stream()
                            .map(CommunicationMapper::toFhir).toList());
        }
        if (partOf.getMissing() != null || partOf.getIdPart() == null
                || (partOf.getResourceType() != null && !"Communication".equals(partOf.getResourceType()))) {
            throw new InvalidRequestException("part-of must be Communication/{id} or part-of:missing=true");
        }
        String threadId = partOf.getIdPart();
        return new PagedResults(conversations.messageCount(threadId),
                (offset, limit) -> conversations.messages(threadId, offset, limit).stream()
                        .map(CommunicationMapper::toFhir).toList());
    }
}
