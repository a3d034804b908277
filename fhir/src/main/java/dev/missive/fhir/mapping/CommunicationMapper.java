package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.fhir.MissiveFhir;
import dev.missive.policy.ClinicPolicy;
import dev.missive.thread.AttachmentRef;
import dev.missive.thread.Conversation;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.Participant;
import dev.missive.thread.ThreadChange;
import dev.missive.thread.ThreadDetail;
import dev.missive.thread.ThreadOrMessage;
import dev.missive.thread.ThreadStatusReason;
import dev.missive.thread.ThreadView;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Communication resources to and from threads and messages. A thread is a header
 * Communication without partOf or payload; a message points at its thread with partOf.
 */
public final class CommunicationMapper {

    private static final String CONFIDENTIAL = "R";

    /** An attachment's url: {@code Binary/{id}}, relative or under any base. */
    private static final Pattern BINARY_URL = Pattern.compile("(?:.*/)?Binary/([A-Za-z0-9\\-.]{1,64})");

    /** How a response may be asked for: the codes of the ValueSet response-method (portal message, phone, email). */
    public static final Set<String> RESPONSE_METHODS = Set.of("ONLINEWRIT", "PHONE", "EMAILWRIT");

    private CommunicationMapper() {}

    /** The identifiers the client gave the Communication (those with a value). */
    public static List<dev.missive.directory.Identifier> identifiers(Communication resource) {
        return DirectoryMapping.fromFhir(resource.getIdentifier());
    }

    /** Identifiers as a Communication carries them. */
    public static List<Identifier> toFhirIdentifiers(List<dev.missive.directory.Identifier> identifiers) {
        return DirectoryMapping.toFhir(identifiers);
    }

    public static boolean isThreadHeader(Communication resource) {
        return !resource.hasPartOf();
    }

    public static NewThread newThread(Communication resource) {
        if (resource.hasPayload()) {
            throw new InvalidRequestException("A thread header has no payload: send the first message with partOf");
        }
        boolean draft = isDraft(resource, CommunicationStatus.INPROGRESS);
        String patientId = resource.hasSubject()
                ? References.idOf(resource.getSubject(), "Patient", "Communication.subject")
                : null;
        List<Reference> practitioners = resource.getRecipient().stream()
                .filter(recipient -> References.isTo(recipient, "Practitioner"))
                .toList();
        List<Reference> pools = resource.getRecipient().stream()
                .filter(recipient -> References.isTo(recipient, "CareTeam"))
                .toList();
        if (practitioners.size() + pools.size() != 1) {
            throw new InvalidRequestException(
                    "Communication.recipient must name exactly one Practitioner, or one CareTeam (a team pool)");
        }
        boolean confidential = resource.getMeta().getSecurity().stream()
                .anyMatch(c -> MissiveFhir.CONFIDENTIALITY.equals(c.getSystem()) && CONFIDENTIAL.equals(c.getCode()));
        String topic = resource.hasTopic() ? resource.getTopic().getText() : null;
        String episodeId = resource.hasAbout()
                ? References.idOf(resource.getAboutFirstRep(), "EpisodeOfCare", "Communication.about")
                : null;
        Extension consent = Extensions.single(resource, MissiveFhir.BILLING_CONSENT);
        String consentId = consent == null
                ? null
                : References.idOf(consent.getValue() instanceof Reference r ? r : null, "Consent", "billing-consent");
        Extension preference = Extensions.single(resource, MissiveFhir.RESPONSE_PREFERENCE);
        String responderId = null;
        String method = null;
        if (preference != null) {
            Extension responder = Extensions.single(preference, "responder");
            responderId = responder == null
                    ? null
                    : References.idOf(
                            responder.getValue() instanceof Reference r ? r : null,
                            "Practitioner",
                            "response-preference.responder");
            Extension how = Extensions.single(preference, "method");
            method = how == null ? null : responseMethod(how);
        }
        boolean noResponseNeeded = resource.getStatusReason().getCoding().stream()
                .anyMatch(c -> MissiveFhir.THREAD_STATUS_REASON.equals(c.getSystem())
                        && "no-response-needed".equals(c.getCode()));
        return new NewThread(
                patientId,
                practitioners.isEmpty()
                        ? null
                        : practitioners.get(0).getReferenceElement().getIdPart(),
                categoryOf(resource),
                topic,
                confidential,
                episodeId,
                consentId,
                responderId,
                method,
                noResponseNeeded,
                draft,
                senderOf(resource),
                pools.isEmpty() ? null : pools.get(0).getReferenceElement().getIdPart());
    }

    public static NewMessage newMessage(Communication resource) {
        boolean draft = isDraft(resource, CommunicationStatus.COMPLETED);
        if (resource.getPartOf().size() != 1) {
            throw new InvalidRequestException("Communication.partOf must name exactly one thread");
        }
        String conversationId = References.idOf(resource.getPartOfFirstRep(), "Communication", "Communication.partOf");
        List<Communication.CommunicationPayloadComponent> textPayloads = resource.getPayload().stream()
                .filter(payload -> payload.getContent() instanceof StringType)
                .toList();
        List<String> texts = textPayloads.stream()
                .map(payload -> ((StringType) payload.getContent()).getValue())
                .toList();
        List<AttachmentRef> attachments = resource.getPayload().stream()
                .filter(payload -> payload.getContent() instanceof Attachment)
                .map(payload -> attachmentRef((Attachment) payload.getContent()))
                .toList();
        if (texts.size() != 1
                || texts.size() + attachments.size() != resource.getPayload().size()) {
            throw new InvalidRequestException(
                    "A message has exactly one payload.contentString, and any number of payload.contentAttachment");
        }
        String inResponseTo = resource.hasInResponseTo()
                ? References.idOf(resource.getInResponseToFirstRep(), "Communication", "Communication.inResponseTo")
                : null;
        return new NewMessage(
                conversationId,
                texts.get(0),
                inResponseTo,
                draft,
                attachments,
                senderOf(resource),
                formattedText(textPayloads.get(0)));
    }

    /** The payload's formatted text (valueMarkdown of formatted-text), or null when it has none. */
    private static String formattedText(Communication.CommunicationPayloadComponent payload) {
        Extension formatted = Extensions.single(payload, MissiveFhir.FORMATTED_TEXT);
        if (formatted == null) {
            return null;
        }
        if (!(formatted.getValue() instanceof MarkdownType markdown) || !markdown.hasValue()) {
            throw new InvalidRequestException("formatted-text has a valueMarkdown");
        }
        return markdown.getValue();
    }

    /** The sender the client names, passed on for the services to hold to the caller; null when it names none. */
    private static Party senderOf(Communication resource) {
        return resource.hasSender() ? References.partyOf(resource.getSender(), "Communication.sender") : null;
    }

    /** Only the url (and a title) is taken from the client: type, size and hash are the server's record. */
    private static AttachmentRef attachmentRef(Attachment attachment) {
        Matcher url = BINARY_URL.matcher(attachment.hasUrl() ? attachment.getUrl() : "");
        if (!url.matches()) {
            throw new InvalidRequestException("payload.contentAttachment.url must be Binary/{id} of an uploaded file");
        }
        return new AttachmentRef(url.group(1), attachment.getTitle());
    }

    /** What a message says about a file it carries: all from the server's record of the upload. */
    static Attachment toFhir(dev.missive.attachment.Attachment attachment) {
        Attachment content = new Attachment()
                .setUrl("Binary/" + attachment.getId())
                .setContentType(attachment.getType().mediaType())
                .setSize(Math.toIntExact(attachment.getSize()))
                .setTitle(attachment.getTitle())
                .setCreation(Date.from(attachment.getCreated()));
        content.setHashElement(new Base64BinaryType(attachment.getSha256()));
        return content;
    }

    public static Communication toFhir(ThreadView view) {
        Conversation conversation = view.conversation();
        Communication resource = new Communication();
        VersionIds.setMeta(resource, conversation.getId(), conversation.getVersion(), conversation.getLastActivity());
        if (conversation.isConfidential()) {
            resource.getMeta().addSecurity(MissiveFhir.CONFIDENTIALITY, CONFIDENTIAL, "restricted");
        }
        resource.setStatus(
                switch (conversation.getStatus()) {
                    case DRAFT -> CommunicationStatus.PREPARATION;
                    case OPEN -> CommunicationStatus.INPROGRESS;
                    case CLOSED -> CommunicationStatus.COMPLETED;
                });
        if (conversation.getStatusReason() != null) {
            resource.setStatusReason(new CodeableConcept(new Coding(
                    MissiveFhir.THREAD_STATUS_REASON, statusReasonCode(conversation.getStatusReason()), null)));
        }
        resource.addCategory(
                new CodeableConcept(new Coding(MissiveFhir.MESSAGE_TYPE, conversation.getCategory(), null)));
        if (conversation.getTopic() != null) {
            resource.setTopic(new CodeableConcept().setText(conversation.getTopic()));
        }
        resource.setSubject(References.to(conversation.patient()));
        if (conversation.getEpisodeId() != null) {
            resource.addAbout(new Reference("EpisodeOfCare/" + conversation.getEpisodeId()));
        }
        resource.setSender(References.to(conversation.getStartedBy()));
        resource.addRecipient(References.to(conversation.patient()));
        conversation
                .getPool()
                .ifPresent(pool ->
                        resource.addRecipient(new Reference("CareTeam/" + pool.getId()).setDisplay(pool.getName())));
        if (!conversation.isPooled() || conversation.isPoolAnswered()) {
            resource.addRecipient(References.to(conversation.practitioner()));
        }
        if (conversation.getStartedBy().type() == PartyType.RELATED_PERSON) {
            resource.addRecipient(References.to(conversation.getStartedBy()));
        }
        if (conversation.getBillingConsentId() != null) {
            resource.addExtension(
                    MissiveFhir.BILLING_CONSENT, new Reference("Consent/" + conversation.getBillingConsentId()));
        }
        if (conversation.getResponderId() != null || conversation.getResponseMethod() != null) {
            Extension preference = resource.addExtension().setUrl(MissiveFhir.RESPONSE_PREFERENCE);
            if (conversation.getResponderId() != null) {
                preference.addExtension("responder", new Reference("Practitioner/" + conversation.getResponderId()));
            }
            if (conversation.getResponseMethod() != null) {
                preference.addExtension(
                        "method", new Coding(MissiveFhir.PARTICIPATION_MODE, conversation.getResponseMethod(), null));
            }
        }
        resource.setSent(Date.from(conversation.getCreated()));
        if (conversation.getResponseDue() != null) {
            resource.addExtension(responseDue(conversation));
        }
        view.changes().forEach(change -> resource.addExtension(threadChange(change)));
        view.away().ifPresent(notice -> resource.addExtension(CoverMapper.toExtension(notice)));
        conversation
                .getClaimedBy()
                .filter(holder -> conversation.isPoolAnswered() || readByStaff(view))
                .ifPresent(holder ->
                        resource.addExtension(MissiveFhir.CLAIMED_BY, new Reference("Practitioner/" + holder)));
        if (view.participant() != null) {
            resource.addExtension(participantState(view.participant()));
        }
        return resource;
    }

    /** Who holds a pool thread is the team's business: the patient side learns it from the member's answer. */
    private static boolean readByStaff(ThreadView view) {
        return view.participant() != null && view.participant().getParty().type() == PartyType.PRACTITIONER;
    }

    /** When the staff reply is due, and whether it is overdue now (by the server's clock, as the overdue search). */
    private static Extension responseDue(Conversation conversation) {
        Extension due = new Extension(MissiveFhir.RESPONSE_DUE);
        due.addExtension("due", new InstantType(Date.from(conversation.getResponseDue())));
        due.addExtension("overdue", new BooleanType(conversation.isOverdueAt(Instant.now())));
        return due;
    }

    public static Communication toFhir(Message message) {
        Communication resource = new Communication();
        VersionIds.setMeta(resource, message.getId(), message.getVersion(), message.getSent());
        resource.addPartOf(new Reference("Communication/" + message.getConversationId()));
        resource.setStatus(
                switch (message.getStatus()) {
                    case DRAFT -> CommunicationStatus.PREPARATION;
                    case SENT -> CommunicationStatus.COMPLETED;
                    case RETRACTED -> CommunicationStatus.ENTEREDINERROR;
                });
        if (message.getInResponseTo() != null) {
            resource.addInResponseTo(new Reference("Communication/" + message.getInResponseTo()));
        }
        resource.setSender(References.to(message.getSender()));
        resource.addRecipient(References.to(message.getRecipient()));
        if (message.getText() != null) {
            Communication.CommunicationPayloadComponent text =
                    resource.addPayload().setContent(new StringType(message.getText()));
            if (message.getFormattedText() != null) {
                text.addExtension(MissiveFhir.FORMATTED_TEXT, new MarkdownType(message.getFormattedText()));
            }
        }
        message.getAttachments().forEach(attachment -> resource.addPayload().setContent(toFhir(attachment)));
        resource.setSent(Date.from(message.getSent()));
        if (message.getReceived() != null) {
            resource.setReceived(Date.from(message.getReceived()));
        }
        return resource;
    }

    /** The message, or the thread's header when there is no message. */
    public static Communication toFhir(ThreadOrMessage read) {
        return read.message() == null ? toFhir(read.thread()) : toFhir(read.message());
    }

    private static String statusReasonCode(ThreadStatusReason reason) {
        return switch (reason) {
            case NO_RESPONSE_NEEDED -> "no-response-needed";
            case CLOSED_BY_PARTICIPANT -> "closed-by-participant";
            case PRACTITIONER_INACTIVE -> "practitioner-inactive";
            case PATIENT_MERGED -> "patient-merged";
        };
    }

    /** One change of the thread's details: who, when, and which details (an event line in the thread). */
    private static Extension threadChange(ThreadChange change) {
        Extension extension = new Extension(MissiveFhir.THREAD_CHANGE);
        extension.addExtension("author", References.to(change.getChangedBy()));
        extension.addExtension("time", new InstantType(Date.from(change.getChanged())));
        change.getDetails()
                .forEach(detail -> extension.addExtension(
                        "changed", new Coding(MissiveFhir.THREAD_DETAIL, detailCode(detail), null)));
        return extension;
    }

    private static String detailCode(ThreadDetail detail) {
        return switch (detail) {
            case SUBJECT -> "topic";
            case RECIPIENT -> "recipient";
            case MESSAGE_TYPE -> "category";
            case REGARDING -> "about";
        };
    }

    private static Extension participantState(Participant participant) {
        Extension state = new Extension(MissiveFhir.PARTICIPANT_STATE);
        state.addExtension("archived", new BooleanType(participant.isArchived()));
        state.addExtension("unread", new IntegerType(participant.getUnread()));
        if (participant.getLastRead() != null) {
            state.addExtension("lastRead", new InstantType(Date.from(participant.getLastRead())));
        }
        if (participant.getLeftAt() != null) {
            state.addExtension("left", new InstantType(Date.from(participant.getLeftAt())));
        }
        return state;
    }

    private static String responseMethod(Extension how) {
        if (how.getValue() instanceof Coding coding
                && MissiveFhir.PARTICIPATION_MODE.equals(coding.getSystem())
                && coding.getCode() != null
                && RESPONSE_METHODS.contains(coding.getCode())) {
            return coding.getCode();
        }
        throw new InvalidRequestException("response-preference.method must be ONLINEWRIT, PHONE or EMAILWRIT from "
                + MissiveFhir.PARTICIPATION_MODE);
    }

    private static String categoryOf(Communication resource) {
        if (!resource.hasCategory()) {
            return "general";
        }
        return resource.getCategoryFirstRep().getCoding().stream()
                .filter(coding -> MissiveFhir.MESSAGE_TYPE.equals(coding.getSystem()))
                .map(Coding::getCode)
                .filter(code -> code != null && ClinicPolicy.MESSAGE_TYPES.contains(code))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(
                        "Communication.category must be a code from " + MissiveFhir.MESSAGE_TYPE));
    }

    /**
     * Whether the write is a draft ({@code preparation}). Otherwise the status may be left out,
     * or be the one this kind of write produces.
     */
    private static boolean isDraft(Communication resource, CommunicationStatus sent) {
        if (!resource.hasStatus() || resource.getStatus() == sent) {
            return false;
        }
        if (resource.getStatus() == CommunicationStatus.PREPARATION) {
            return true;
        }
        throw new InvalidRequestException("Communication.status must be preparation or " + sent.toCode() + " here");
    }
}
