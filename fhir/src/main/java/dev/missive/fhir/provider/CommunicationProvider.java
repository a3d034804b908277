package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.DirectoryService;
import dev.missive.directory.Identifier;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.service.NotFoundException;
import dev.missive.service.Page;
import dev.missive.thread.CommunicationIdentifiers;
import dev.missive.thread.DraftService;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.ReadingService;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadEditing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;

/** Threads (header Communications) and messages (Communications with partOf), drafts included. */
@ApplicationScoped
public class CommunicationProvider implements IResourceProvider {

    static final String SP_ARCHIVED = "archived";
    static final String SP_UNREAD = "unread";
    static final String SP_OVERDUE = "overdue";
    private static final String PREPARATION = "preparation";

    @EJB
    SendingService sending;

    @EJB
    DraftService drafts;

    @EJB
    ThreadEditing editing;

    @EJB
    ReadingService reading;

    @EJB
    DirectoryService directory;

    @EJB
    CommunicationIdentifiers identifiers;

    @Inject
    ConditionalCreates conditionalCreates;

    @Override
    public Class<Communication> getResourceType() {
        return Communication.class;
    }

    /**
     * Starts a thread or sends a message; with status {@code preparation}, saves it as a draft.
     * With If-None-Exist on an identifier, a retry answers with what the first attempt created.
     */
    @Create
    public MethodOutcome create(@ResourceParam Communication resource, @ConditionalUrlParam String ifNoneExist) {
        return create(resource, ifNoneExist, true);
    }

    /** {@code standalone}: false for an entry of a transaction Bundle. */
    public MethodOutcome create(Communication resource, String ifNoneExist, boolean standalone) {
        return conditionalCreates.create(resource, Identifiers.ifNoneExist(ifNoneExist), standalone, this::createNow);
    }

    private Communication createNow(Communication resource) {
        if (CommunicationMapper.isThreadHeader(resource)) {
            NewThread thread = CommunicationMapper.newThread(resource);
            return CommunicationMapper.toFhir(thread.draft() ? drafts.saveThread(thread) : sending.start(thread));
        }
        NewMessage message = CommunicationMapper.newMessage(resource);
        return CommunicationMapper.toFhir(message.draft() ? drafts.saveMessage(message) : sending.send(message));
    }

    /**
     * Edits a draft, or sends it when the new status is no longer {@code preparation}; edits an
     * open thread's details. With If-Match, an edit based on a replaced version is 412.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Communication resource) {
        String communicationId = Versions.idForUpdate(id, resource);
        Long expectedVersion = Versions.expected(id);
        Communication updated = CommunicationMapper.isThreadHeader(resource)
                ? CommunicationMapper.toFhir(
                        editing.editThread(communicationId, CommunicationMapper.newThread(resource), expectedVersion))
                : CommunicationMapper.toFhir(
                        drafts.editMessage(communicationId, CommunicationMapper.newMessage(resource), expectedVersion));
        return Versions.outcome(updated, false);
    }

    /** Discards a draft; anything already sent cannot be deleted (it can be retracted). */
    @Delete
    public void discard(@IdParam IdType id) {
        drafts.discard(id.getIdPart());
    }

    @Read
    public Communication read(@IdParam IdType id) {
        return CommunicationMapper.toFhir(reading.communication(id.getIdPart()));
    }

    /**
     * {@code part-of:missing=true} is the caller's inbox, newest activity first, narrowed by
     * {@code archived}, {@code unread}, {@code overdue} (staff), {@code category}, {@code subject}, {@code _content}
     * and {@code recipient=CareTeam/{id}} (the team inbox: the threads addressed to that pool);
     * {@code part-of=Communication/{id}} is one thread's messages in the order they were sent;
     * {@code status=preparation} is the caller's drafts. {@code _include=Communication:sender}
     * adds the senders of a thread's messages that the caller may see. {@code identifier}, alone,
     * finds the Communications carrying it that the caller may see.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Communication.SP_PART_OF) ReferenceParam partOf,
            @OptionalParam(name = Communication.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Communication.SP_STATUS) TokenParam status,
            @OptionalParam(name = SP_ARCHIVED) TokenParam archived,
            @OptionalParam(name = SP_UNREAD) TokenParam unread,
            @OptionalParam(name = SP_OVERDUE) TokenParam overdue,
            @OptionalParam(name = Communication.SP_CATEGORY) TokenParam category,
            @OptionalParam(name = Communication.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Communication.SP_RECIPIENT) ReferenceParam recipient,
            @OptionalParam(name = Constants.PARAM_CONTENT) StringParam content,
            @IncludeParam(allow = "Communication:sender") Set<Include> includes,
            @Count Integer count,
            SummaryEnum summary) {
        // A count reads no page; otherwise the first page comes with the total in one call.
        int firstPage = summary == SummaryEnum.COUNT ? 0 : Paging.firstPageSize(count);
        if (identifier != null) {
            if (Stream.of(partOf, status, archived, unread, overdue, category, subject, recipient, content)
                    .anyMatch(Objects::nonNull)) {
                throw new InvalidRequestException("identifier is searched alone");
            }
            return carrying(identifier);
        }
        if (status != null) {
            if (!PREPARATION.equals(status.getValue()) || partOf != null) {
                throw new InvalidRequestException(
                        "status searches the caller's drafts only: status=preparation, without part-of");
            }
            return drafts();
        }
        if (recipient != null && (partOf == null || !Boolean.TRUE.equals(partOf.getMissing()))) {
            throw new InvalidRequestException(
                    "recipient narrows the inbox: part-of:missing=true&recipient=CareTeam/{id}");
        }
        if (partOf == null) {
            throw new InvalidRequestException(
                    "Search with part-of:missing=true (inbox), part-of=Communication/{id} (a thread) or status=preparation (drafts)");
        }
        if (Boolean.TRUE.equals(partOf.getMissing())) {
            InboxFilter filter = new InboxFilter(
                    flag(archived, SP_ARCHIVED),
                    Boolean.TRUE.equals(flag(unread, SP_UNREAD)),
                    category == null ? null : category.getValue(),
                    SearchParams.idOf(subject, "Patient"),
                    content == null ? null : content.getValue(),
                    overdueOnly(overdue),
                    SearchParams.idOf(recipient, "CareTeam"));
            return InboxResults.of(reading, filter, firstPage);
        }
        if (partOf.getMissing() != null
                || partOf.getIdPart() == null
                || (partOf.getResourceType() != null && !"Communication".equals(partOf.getResourceType()))) {
            throw new InvalidRequestException("part-of must be Communication/{id} or part-of:missing=true");
        }
        String conversationId = partOf.getIdPart();
        boolean withSenders = includes != null && !includes.isEmpty();
        Page<Message> first = reading.messagePage(conversationId, firstPage);
        return new PagedResults(
                first.total(),
                toFhir(first.items(), withSenders),
                (offset, limit) -> toFhir(reading.messages(conversationId, offset, limit), withSenders));
    }

    private List<Communication> toFhir(List<Message> messages, boolean withSenders) {
        if (!withSenders) {
            return messages.stream().map(CommunicationMapper::toFhir).toList();
        }
        SenderIncludes senders = new SenderIncludes(directory);
        return messages.stream()
                .map(message -> senders.attach(CommunicationMapper.toFhir(message), message.getSender()))
                .toList();
    }

    /** At most a page of them: an identifier names one Communication of each account that gave it. */
    private SimpleBundleProvider carrying(TokenParam identifier) {
        if (identifier.getModifier() != null
                || identifier.getValue() == null
                || identifier.getValue().isBlank()) {
            throw new InvalidRequestException("identifier is system|value, |value (no system) or value (any system)");
        }
        List<IBaseResource> found = new ArrayList<>();
        for (String id : identifiers.carrying(
                new Identifier(identifier.getSystem(), identifier.getValue()), Paging.MAX_PAGE_SIZE)) {
            try {
                found.add(CommunicationMapper.toFhir(reading.communication(id)));
            } catch (NotFoundException notTheCallers) {
                // someone else's: as if it did not exist
            }
        }
        return new SimpleBundleProvider(found);
    }

    private SimpleBundleProvider drafts() {
        List<IBaseResource> found = new ArrayList<>();
        drafts.threads().forEach(view -> found.add(CommunicationMapper.toFhir(view)));
        drafts.messages().forEach(message -> found.add(CommunicationMapper.toFhir(message)));
        return new SimpleBundleProvider(found);
    }

    /** Only {@code overdue=true}: the threads that are not overdue are the rest of the inbox. */
    private static boolean overdueOnly(TokenParam overdue) {
        Boolean flag = flag(overdue, SP_OVERDUE);
        if (Boolean.FALSE.equals(flag)) {
            throw new InvalidRequestException("overdue is true or left out");
        }
        return flag != null;
    }

    private static Boolean flag(TokenParam token, String name) {
        if (token == null) {
            return null;
        }
        if (token.getValue() == null) {
            // archived:missing=true and the like: a modifier leaves no value
            throw new InvalidRequestException(name + " is true or false");
        }
        return switch (token.getValue()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException(name + " is true or false");
        };
    }
}
