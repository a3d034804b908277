package dev.missive.persistence;

import dev.missive.attachment.AttachmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attachments as files in one directory (environment MISSIVE_ATTACHMENT_DIR, by default
 * {@code attachments} in WildFly's data directory), one file per key, staged in its
 * {@code .incoming} subdirectory so that keeping an upload is an atomic rename.
 */
@ApplicationScoped
public class FileSystemAttachmentStore implements AttachmentStore {

    /** Keys are the attachments' UUIDs: nothing that could name a path outside the directory. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

    @Inject
    @ConfigProperty(name = "missive.attachment.dir")
    Optional<String> configured;

    private Path directory() throws IOException {
        Path directory = configured
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(
                        System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                        "attachments"));
        return Files.createDirectories(directory);
    }

    @Override
    public Path newStagingFile() throws IOException {
        return Files.createTempFile(Files.createDirectories(directory().resolve(".incoming")), "upload-", ".part");
    }

    @Override
    public void put(String key, Path staged) throws IOException {
        Files.move(staged, file(key), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(file(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    /** Less than this left on the file system: an upload's next write (of 64 KB) may not fit. */
    private static final long ROOM_FOR_A_WRITE = 64 * 1024;

    @Override
    public boolean isFull() throws IOException {
        return Files.getFileStore(directory()).getUsableSpace() < ROOM_FOR_A_WRITE;
    }

    private Path file(String key) throws IOException {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an attachment key");
        }
        return directory().resolve(key);
    }
}
