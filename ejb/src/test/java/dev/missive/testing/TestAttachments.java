package dev.missive.testing;

import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentService;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The clinic's attachments as a test sees them: uploads and reads as the current caller, and what is kept. */
public final class TestAttachments {

    private final TestClinic clinic;
    private final Path directory;

    TestAttachments(TestClinic clinic, Path directory) {
        this.clinic = clinic;
        this.directory = directory;
    }

    public AttachmentService service() {
        return clinic.bean(AttachmentService.class);
    }

    public Attachment upload(byte[] content, String type) {
        return service().upload(new ByteArrayInputStream(content), type, content.length);
    }

    public byte[] read(String id) {
        try (InputStream content = service().open(id).content()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every attachment record, oldest first. */
    public List<String> records() {
        return clinic.bean(EntityManager.class)
                .createQuery("select a.id from Attachment a order by a.created, a.id", String.class)
                .getResultList();
    }

    /** The keys of every file in the store. */
    public Set<String> stored() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
