package dev.missive.service;

import dev.missive.domain.Attachment;
import dev.missive.domain.AttachmentRepository;
import dev.missive.domain.AttachmentStore;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attachments in memory for the test clinic: records, stored bytes, and transactions that always commit. */
final class TestAttachments {

    final Map<String, Attachment> records = new LinkedHashMap<>();
    final Map<String, byte[]> stored = new LinkedHashMap<>();
    final AttachmentRepository repository;
    final MessageAttachments messages = new MessageAttachments();
    final DefaultAttachmentService service = new DefaultAttachmentService();

    TestAttachments(TestClinic clinic) {
        repository = new AttachmentRepository() {
            @Override
            public Optional<Attachment> find(String id) {
                return Optional.ofNullable(records.get(id));
            }

            @Override
            public List<Attachment> unattachedBefore(Instant cutoff, int limit) {
                return records.values().stream()
                        .filter(attachment -> attachment.getMessageId() == null && attachment.getCreated().isBefore(cutoff))
                        .limit(limit)
                        .toList();
            }

            @Override
            public void add(Attachment attachment) {
                records.put(attachment.getId(), attachment);
            }

            @Override
            public void remove(Attachment attachment) {
                records.remove(attachment.getId());
            }
        };
        AttachmentStore store = new AttachmentStore() {
            @Override
            public Path newStagingFile() throws IOException {
                Path staged = Files.createTempFile("missive-test-upload", ".part");
                staged.toFile().deleteOnExit();
                return staged;
            }

            @Override
            public void put(String key, Path staged) throws IOException {
                stored.put(key, Files.readAllBytes(staged));
            }

            @Override
            public InputStream open(String key) throws IOException {
                byte[] content = stored.get(key);
                if (content == null) {
                    throw new FileNotFoundException(key);
                }
                return new ByteArrayInputStream(content);
            }

            @Override
            public void delete(String key) {
                stored.remove(key);
            }
        };
        AfterCompletion committing = new AfterCompletion() {
            @Override
            public void onCommit(Runnable work) {
                work.run();
            }

            @Override
            public void onRollback(Runnable work) {
                // the test clinic's transactions always commit
            }
        };
        messages.attachments = repository;
        messages.store = store;
        messages.policies = clinic.policies;
        messages.afterCompletion = committing;
        service.attachments = repository;
        service.store = store;
        service.messageAttachments = messages;
        service.policies = clinic.policies;
        service.conversations = clinic.service;
        service.callers = () -> clinic.caller;
        service.afterCompletion = committing;
        service.clock = clinic.clock;
        service.maxBytes = 1024 * 1024;
    }

    /** Uploads as the clinic's current caller. */
    Attachment upload(byte[] content, String type) {
        return service.upload(new ByteArrayInputStream(content), type, content.length);
    }

    byte[] read(String id) {
        try (InputStream content = service.open(id).content()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
