package dev.missive.attachment;

import dev.missive.policy.PolicyService;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import dev.missive.service.AfterCompletion;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.StorageFullException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultAttachmentService implements AttachmentService {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(DefaultAttachmentService.class.getName());

    @Inject
    AttachmentRepository attachments;

    @Inject
    AttachmentStore store;

    @Inject
    AttachmentFiles files;

    @Inject
    PolicyService policies;

    @Inject
    MessageVisibility messages;

    @Inject
    CallerContext callers;

    @Inject
    AfterCompletion afterCompletion;

    @Inject
    Clock clock;

    /** The largest attachment accepted (environment MISSIVE_ATTACHMENT_MAX_BYTES), 50 MB unless set. */
    @Inject
    @ConfigProperty(name = "missive.attachment.max.bytes", defaultValue = "52428800")
    long maxBytes;

    private final ContentInspector inspector = new ContentInspector();

    /** Only those who write messages upload: patients, proxies and practitioners. */
    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER})
    public Attachment upload(InputStream content, String declaredType, long declaredLength) {
        Caller caller = callers.current();
        if (!policies.current().isAttachmentsAllowed()) {
            throw ContentRules.attachmentsDisabled();
        }
        AttachmentType declared = AttachmentType.ofMediaType(declaredType).orElseThrow(ContentRules::unsupported);
        if (declaredLength > maxBytes) {
            throw ContentRules.tooLarge(maxBytes);
        }
        try {
            Path staged = store.newStagingFile();
            try {
                String sha256 = spool(content, staged);
                long size = Files.size(staged);
                AttachmentType found = ContentRules.check(inspector, staged, size, declared);
                Attachment attachment = new Attachment(caller.username(), found, size, sha256, clock.instant());
                attachments.add(attachment);
                store.put(attachment.getId(), staged);
                afterCompletion.onRollback(() -> files.deleteQuietly(attachment.getId()));
                return attachment;
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw storeFailed(e);
        }
    }

    /**
     * A full store is named as such (the operator must free or add space; one line, no stack
     * trace per upload while it lasts); the staged file is gone by then, no record was kept.
     */
    private RuntimeException storeFailed(IOException e) {
        try {
            if (store.isFull()) {
                LOG.severe("Attachment store full: upload refused (507)");
                return new StorageFullException("The server has no room for this file just now; try again later");
            }
        } catch (IOException unknown) {
            e.addSuppressed(unknown);
        }
        return new UncheckedIOException("The attachment store failed", e);
    }

    /** Copies the upload to the staging file while hashing it; stops as soon as it passes the limit. */
    private String spool(InputStream content, Path staged) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(staged)) {
            for (int read = readUpload(content, buffer); read >= 0; read = readUpload(content, buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw ContentRules.tooLarge(maxBytes);
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    /** A client that breaks off its upload made a bad request, not the server a failure. */
    private static int readUpload(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new InvalidRequestException("The upload was interrupted before its end");
        }
    }

    @Override
    public AttachmentContent open(String id) {
        Caller caller = callers.current();
        Attachment attachment = attachments
                .find(id)
                .filter(found -> mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("Binary", id));
        try {
            return new AttachmentContent(attachment, store.open(attachment.getId()));
        } catch (IOException e) {
            throw new UncheckedIOException("The attachment store failed", e);
        }
    }

    /** The uploader until a message carries it; then exactly who may read that message. */
    private boolean mayRead(Caller caller, Attachment attachment) {
        if (attachment.getMessageId() == null) {
            return caller.username().equals(attachment.getUploader());
        }
        return messages.mayRead(caller, attachment.getMessageId());
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
