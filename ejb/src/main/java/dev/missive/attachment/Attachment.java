package dev.missive.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A file someone uploaded: what the server found it to be, never what the client said. Its
 * bytes are in the {@link AttachmentStore} under its id. Unattached it belongs to its uploader
 * alone; once a message carries it, whoever reads the message may read it.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    /** Longest title (a file name, say) kept for an attachment. */
    public static final int MAX_TITLE_LENGTH = 255;

    /** Random, so that an id cannot be guessed: it is also the key in the store. */
    @Id
    @Column(length = 64)
    private String id;

    /** The account that uploaded it (a proxy writes for several patients under one account). */
    @Column(nullable = false, length = 255)
    private String uploader;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false, length = 10)
    private AttachmentType type;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    /** The SHA-256 of the content, base64-encoded (as FHIR's Attachment.hash has it). */
    @Column(nullable = false, length = 44)
    private String sha256;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "message_id", length = 64)
    private String messageId;

    @Column(length = MAX_TITLE_LENGTH)
    private String title;

    protected Attachment() {}

    public Attachment(String uploader, AttachmentType type, long size, String sha256, Instant created) {
        this.id = UUID.randomUUID().toString();
        this.uploader = uploader;
        this.type = type;
        this.size = size;
        this.sha256 = sha256;
        this.created = created;
    }

    public void attachTo(String messageId, String title) {
        this.messageId = messageId;
        this.title = title;
    }

    /** A discarded draft lets go of its attachments: they are the uploader's alone again. */
    public void release() {
        this.messageId = null;
        this.title = null;
    }

    public String getId() {
        return id;
    }

    public String getUploader() {
        return uploader;
    }

    public AttachmentType getType() {
        return type;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreated() {
        return created;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getTitle() {
        return title;
    }
}
