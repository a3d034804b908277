package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentType;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.fhir.MissiveFhir;
import dev.missive.thread.AttachmentRef;
import dev.missive.thread.Conversation;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.Participant;
import dev.missive.thread.ThreadOrMessage;
import dev.missive.thread.ThreadStatusReason;
import dev.missive.thread.ThreadView;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class CommunicationMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static Communication header() {
        Communication header = new Communication();
        header.setSubject(new Reference("Patient/alice"));
        header.addRecipient(new Reference("Patient/alice"));
        header.addRecipient(new Reference("Practitioner/drlee"));
        return header;
    }

    @Test
    void aHeaderBecomesANewThread() {
        Communication header = header();
        header.addCategory(new CodeableConcept(new Coding(MissiveFhir.MESSAGE_TYPE, "test-results", null)));
        header.setTopic(new CodeableConcept().setText("Blood test"));
        header.getMeta().addSecurity(MissiveFhir.CONFIDENTIALITY, "R", null);
        assertEquals(
                new NewThread(
                        "alice",
                        "drlee",
                        "test-results",
                        "Blood test",
                        true,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        null),
                CommunicationMapper.newThread(header));
    }

    @Test
    void aHeaderSaysNoResponseIsNeededWithItsStatusReason() {
        Communication header = header();
        header.getStatusReason().addCoding(new Coding(MissiveFhir.THREAD_STATUS_REASON, "no-response-needed", null));
        assertTrue(CommunicationMapper.newThread(header).noResponseNeeded());
        assertFalse(CommunicationMapper.newThread(header()).noResponseNeeded());
    }

    @Test
    void aHeaderWithoutCategoryIsGeneralAndNotConfidential() {
        NewThread thread = CommunicationMapper.newThread(header());
        assertEquals("general", thread.category());
        assertFalse(thread.confidential());
        assertNull(thread.topic());
    }

    @Test
    void malformedHeadersAreRefused() {
        Communication withPayload = header();
        withPayload.addPayload().setContent(new StringType("text"));
        Communication twoPractitioners = header();
        twoPractitioners.addRecipient(new Reference("Practitioner/drpatel"));
        Communication unknownType = header();
        unknownType.addCategory(new CodeableConcept(new Coding(MissiveFhir.MESSAGE_TYPE, "gossip", null)));
        Communication subjectNotAPatient = header();
        subjectNotAPatient.setSubject(new Reference("Group/1"));
        Communication closed = header();
        closed.setStatus(Communication.CommunicationStatus.COMPLETED);
        for (Communication bad :
                new Communication[] {withPayload, twoPractitioners, unknownType, subjectNotAPatient, closed}) {
            assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newThread(bad));
        }
    }

    @Test
    void aMessageNamesItsThreadTextAndWhatItAnswers() {
        Communication message = new Communication();
        message.addPartOf(new Reference("Communication/t1"));
        message.addInResponseTo(new Reference("Communication/m1"));
        message.addPayload().setContent(new StringType("Thanks"));
        assertTrue(!CommunicationMapper.isThreadHeader(message));
        assertEquals(new NewMessage("t1", "Thanks", "m1"), CommunicationMapper.newMessage(message));
        message.setStatus(Communication.CommunicationStatus.PREPARATION);
        assertTrue(CommunicationMapper.newMessage(message).draft());
        message.setStatus(Communication.CommunicationStatus.COMPLETED);

        message.addPayload().setContent(new StringType("Second text"));
        assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newMessage(message));
    }

    @Test
    void theSenderAWriteNamesIsPassedOnAsAParty() {
        Communication header = header();
        header.setSender(new Reference("Practitioner/drlee"));
        assertEquals(
                Party.practitioner("drlee"),
                CommunicationMapper.newThread(header).sender());
        assertNull(CommunicationMapper.newThread(header()).sender(), "none named");

        Message sent = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Hello", null, NOW);
        Communication message = CommunicationMapper.toFhir(sent);
        assertEquals(sent.getSender(), CommunicationMapper.newMessage(message).sender(), "what was read, written back");
        message.setSender(new Reference("http://localhost:8080/fhir/RelatedPerson/gina-for-ben"));
        assertEquals(
                new Party(PartyType.RELATED_PERSON, "gina-for-ben"),
                CommunicationMapper.newMessage(message).sender());

        for (Reference noPerson : List.of(new Reference("Organization/clinic"), new Reference().setDisplay("Alice"))) {
            message.setSender(noPerson);
            assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newMessage(message));
        }
    }

    @Test
    void aHeaderCarriesRegardingBillingConsentAndResponsePreference() {
        Communication header = header();
        header.setStatus(Communication.CommunicationStatus.PREPARATION);
        header.setSender(new Reference("Patient/alice"));
        header.addAbout(new Reference("EpisodeOfCare/knee"));
        header.addExtension(MissiveFhir.BILLING_CONSENT, new Reference("Consent/c1"));
        Extension preference = header.addExtension().setUrl(MissiveFhir.RESPONSE_PREFERENCE);
        preference.addExtension("responder", new Reference("Practitioner/drpatel"));
        preference.addExtension("method", new Coding(MissiveFhir.PARTICIPATION_MODE, "PHONE", null));
        NewThread thread = CommunicationMapper.newThread(header);
        assertEquals(
                new NewThread(
                        "alice",
                        "drlee",
                        "general",
                        null,
                        false,
                        "knee",
                        "c1",
                        "drpatel",
                        "PHONE",
                        false,
                        true,
                        Party.patient("alice")),
                thread);

        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
        conversation.setEpisodeId("knee");
        conversation.setBillingConsentId("c1");
        conversation.setResponsePreference("drpatel", "PHONE");
        Communication mapped = CommunicationMapper.toFhir(new ThreadView(conversation, null));
        assertEquals(
                thread,
                CommunicationMapper.newThread(mapped.setStatus(Communication.CommunicationStatus.PREPARATION)),
                "what is written reads back the same");
    }

    @Test
    void aThreadShowsTheCallersOwnState() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
        Participant participant = new Participant(conversation.getId(), Party.practitioner("drlee"), NOW);
        participant.messageArrived(NOW, false);
        Communication header = CommunicationMapper.toFhir(new ThreadView(conversation, participant));

        assertEquals(Communication.CommunicationStatus.INPROGRESS, header.getStatus());
        assertEquals("1", header.getMeta().getVersionId());
        assertEquals("Patient/alice", header.getSubject().getReference());
        assertEquals(2, header.getRecipient().size());
        Extension state = header.getExtensionByUrl(MissiveFhir.PARTICIPANT_STATE);
        assertEquals(1, ((IntegerType) state.getExtensionByUrl("unread").getValue()).getValue());
        assertTrue(CommunicationMapper.toFhir(new ThreadView(conversation, null))
                .getExtension()
                .isEmpty());
    }

    @Test
    void aMessageIsPartOfItsThread() {
        Message message = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Hello", null, NOW);
        Communication resource = CommunicationMapper.toFhir(message);
        assertEquals("Communication/t1", resource.getPartOfFirstRep().getReference());
        assertEquals(Communication.CommunicationStatus.COMPLETED, resource.getStatus());
        assertEquals("Practitioner/drlee", resource.getRecipientFirstRep().getReference());
        assertEquals(
                "Hello", resource.getPayloadFirstRep().getContentStringType().getValue());
    }

    @Test
    void aClosedThreadSaysWhy() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
        assertFalse(
                CommunicationMapper.toFhir(new ThreadView(conversation, null)).hasStatusReason());
        conversation.close(ThreadStatusReason.CLOSED_BY_PARTICIPANT, NOW);
        Communication header = CommunicationMapper.toFhir(new ThreadView(conversation, null));
        assertEquals(Communication.CommunicationStatus.COMPLETED, header.getStatus());
        Coding reason = header.getStatusReason().getCodingFirstRep();
        assertEquals(MissiveFhir.THREAD_STATUS_REASON, reason.getSystem());
        assertEquals("closed-by-participant", reason.getCode());
        conversation.close(ThreadStatusReason.PRACTITIONER_INACTIVE, NOW);
        assertEquals(
                "practitioner-inactive",
                CommunicationMapper.toFhir(new ThreadView(conversation, null))
                        .getStatusReason()
                        .getCodingFirstRep()
                        .getCode());
    }

    @Test
    void aRetractedMessageIsATombstoneWithoutPayload() {
        Message message = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Oops", null, NOW);
        message.retract();
        Communication resource = CommunicationMapper.toFhir(message);
        assertEquals(Communication.CommunicationStatus.ENTEREDINERROR, resource.getStatus());
        assertFalse(resource.hasPayload());
        assertEquals("Patient/alice", resource.getSender().getReference());
    }

    @Test
    void markingReadAnswersWhatWasMarked() {
        Conversation conversation = new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW);
        Participant participant = new Participant(conversation.getId(), Party.practitioner("drlee"), NOW);
        ThreadView thread = new ThreadView(conversation, participant);
        Message message =
                new Message(conversation.getId(), Party.patient("alice"), Party.practitioner("drlee"), "Hi", null, NOW);
        message.markReceived(NOW);
        assertFalse(
                CommunicationMapper.toFhir(new ThreadOrMessage(thread, null)).hasPartOf());
        Communication read = CommunicationMapper.toFhir(new ThreadOrMessage(thread, message));
        assertEquals(message.getId(), read.getIdElement().getIdPart());
        assertEquals(NOW, read.getReceived().toInstant());
    }

    @Test
    void aMessageCarriesUploadsByUrlAndTitleOnly() {
        Communication message = new Communication();
        message.addPartOf(new Reference("Communication/t1"));
        message.addPayload().setContent(new StringType("See attached"));
        message.addPayload()
                .setContent(new org.hl7.fhir.r4.model.Attachment()
                        .setUrl("Binary/b-1")
                        .setTitle("scan.pdf")
                        .setContentType("text/html")
                        .setSize(1));
        message.addPayload()
                .setContent(new org.hl7.fhir.r4.model.Attachment().setUrl("https://missive.example/fhir/Binary/b-2"));
        assertEquals(
                List.of(new AttachmentRef("b-1", "scan.pdf"), new AttachmentRef("b-2", null)),
                CommunicationMapper.newMessage(message).attachments(),
                "type and size are the server's, not the client's");

        message.addPayload().setContent(new org.hl7.fhir.r4.model.Attachment().setUrl("Patient/alice"));
        assertThrows(InvalidRequestException.class, () -> CommunicationMapper.newMessage(message));
        message.getPayload().remove(3);
        message.getPayload().remove(0);
        assertThrows(
                InvalidRequestException.class, () -> CommunicationMapper.newMessage(message), "text is still needed");
    }

    @Test
    void aMessageShowsWhatTheServerFoundEachUploadToBe() {
        Message message = new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), "Photo", null, NOW);
        Attachment upload = new Attachment("alice", AttachmentType.JPEG, 2048, "q83vEjRWeJA=", NOW);
        message.attach(upload, "knee.jpg");
        org.hl7.fhir.r4.model.Attachment shown =
                CommunicationMapper.toFhir(message).getPayload().get(1).getContentAttachment();
        assertEquals("Binary/" + upload.getId(), shown.getUrl());
        assertEquals("image/jpeg", shown.getContentType());
        assertEquals(2048, shown.getSize());
        assertEquals("q83vEjRWeJA=", shown.getHashElement().getValueAsString());
        assertEquals("knee.jpg", shown.getTitle());
    }
}
