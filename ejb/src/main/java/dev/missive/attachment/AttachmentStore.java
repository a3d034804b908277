package dev.missive.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachments' bytes live, by key. An upload is first spooled into a local staging file
 * (so that its content can be checked without holding it in memory), then handed to the store.
 * The filesystem store is the default; another (an object store, say) implements the same.
 */
public interface AttachmentStore {

    /** A new empty local file to spool an upload into; {@link #put} may then move it cheaply. */
    Path newStagingFile() throws IOException;

    /** Keeps the staged file's content under the key; the staged file is consumed. */
    void put(String key, Path staged) throws IOException;

    InputStream open(String key) throws IOException;

    /** Deletes the content for good; nothing happens when there is none. */
    void delete(String key) throws IOException;

    /** Whether the store has no room left for an upload's next bytes: why a write failed, if it did. */
    boolean isFull() throws IOException;
}
