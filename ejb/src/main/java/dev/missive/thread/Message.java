package dev.missive.thread;

import dev.missive.attachment.Attachment;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One message in a thread. */
@Entity
@Table(name = "message")
public class Message {

    /** Longest message text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    @Id
    @Column(length = 64)
    private String id;

    @Version
    private long version;

    @Column(name = "conversation_id", nullable = false, length = 64)
    private String conversationId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "sender_type", nullable = false, length = 20)),
        @AttributeOverride(name = "id", column = @Column(name = "sender_id", nullable = false, length = 64))
    })
    private Party sender;

    /** The other side of the thread: the practitioner for the patient side, and vice versa. */
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "recipient_type", nullable = false, length = 20)),
        @AttributeOverride(name = "id", column = @Column(name = "recipient_id", nullable = false, length = 64))
    })
    private Party recipient;

    @Column(length = MAX_TEXT_LENGTH)
    private String text;

    /** The text as formatted (Missive's Markdown subset), when it was written formatted; {@link #text} is its plain form. */
    @Column(name = "formatted_text", length = MAX_TEXT_LENGTH)
    private String formattedText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MessageStatus status;

    @Column(name = "in_response_to", length = 64)
    private String inResponseTo;

    private Instant sent;

    /** When the other side first opened it: the read receipt. */
    private Instant received;

    /**
     * The files it carries, read with it (a page of messages loads them in batches). Each
     * {@link Attachment} owns the link to its message; this side only reads it.
     */
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "message_id", insertable = false, updatable = false)
    @OrderBy("created")
    private List<Attachment> attachments = new ArrayList<>();

    protected Message() {}

    public Message(
            String conversationId, Party sender, Party recipient, String text, String inResponseTo, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.conversationId = conversationId;
        this.sender = sender;
        this.recipient = recipient;
        this.text = text;
        this.inResponseTo = inResponseTo;
        this.status = MessageStatus.SENT;
        this.sent = now;
    }

    /** Gives the message formatted text; its plain form is the text. */
    public void format(String formattedText) {
        this.formattedText = formattedText;
    }

    public void saveAsDraft() {
        this.status = MessageStatus.DRAFT;
    }

    /** A draft's text (plain, and formatted or null) and what it answers can change until it is sent. */
    public void edit(String text, String formattedText, String inResponseTo) {
        this.text = text;
        this.formattedText = formattedText;
        this.inResponseTo = inResponseTo;
    }

    /** Sending a draft stamps it with the moment it really went. */
    public void send(Instant when) {
        this.status = MessageStatus.SENT;
        this.sent = when;
    }

    public String getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getConversationId() {
        return conversationId;
    }

    public Party getSender() {
        return sender;
    }

    public Party getRecipient() {
        return recipient;
    }

    public String getText() {
        return text;
    }

    /** The formatted text, or null when the message is plain text only. */
    public String getFormattedText() {
        return formattedText;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public String getInResponseTo() {
        return inResponseTo;
    }

    public Instant getSent() {
        return sent;
    }

    public Instant getReceived() {
        return received;
    }

    public List<Attachment> getAttachments() {
        return List.copyOf(attachments);
    }

    public void attach(Attachment attachment, String title) {
        attachment.attachTo(id, title);
        attachments.add(attachment);
    }

    /** Lets go of every attachment (a draft's when edited, a retracted message's); returns them. */
    public List<Attachment> detachAll() {
        List<Attachment> released = List.copyOf(attachments);
        released.forEach(Attachment::release);
        attachments.clear();
        return released;
    }

    /**
     * Takes the message back: the text is gone for good, the record stays as a visible trace
     * (its attachments are discarded with {@link #detachAll()} first).
     */
    public void retract() {
        this.status = MessageStatus.RETRACTED;
        this.text = null;
        this.formattedText = null;
    }

    /** Sets the read receipt the first time the other side opens a sent message; false if nothing changed. */
    public boolean markReceived(Instant when) {
        if (status != MessageStatus.SENT || received != null) {
            return false;
        }
        this.received = when;
        return true;
    }

    /** Whether it was written on the party's side of the thread: the practitioner's, or the patient's. */
    public boolean isFromSideOf(Party party) {
        return (sender.type() == PartyType.PRACTITIONER) == (party.type() == PartyType.PRACTITIONER);
    }
}
