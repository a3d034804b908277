package dev.missive.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Says what a file is by its content alone: JPEG, PDF, DOCX or MP4, and nothing else besides.
 * A file that another reader could take for something else (a polyglot) is none of them:
 * <ul>
 * <li>every type: no zip end-of-central-directory record where zip readers look for it (the
 * last 65,557 bytes), except a DOCX, whose record must be the file's last 22 bytes; and no
 * {@code %PDF-} in the first 1,024 bytes (where PDF readers look), except a PDF at offset 0;</li>
 * <li>JPEG: starts {@code FF D8 FF} and a marker, ends {@code FF D9} with nothing after;</li>
 * <li>PDF: starts {@code %PDF-n.n}, and nothing but white space follows its last {@code %%EOF};</li>
 * <li>MP4: an ISO media file whose first box is {@code ftyp} with an MP4 brand, whose top-level
 * boxes tile the file exactly, one of them {@code moov};</li>
 * <li>DOCX: a zip that starts with a local file header, holds {@code [Content_Types].xml}
 * declaring a WordprocessingML main document and {@code word/document.xml}, and no macros.</li>
 * </ul>
 * Reads only the head, the tail, the box headers or the zip directory: never the whole file.
 */
public final class ContentInspector {

    private static final int PDF_HEADER_WINDOW = 1024;
    /** The end-of-central-directory record (22 bytes) plus the longest zip comment. */
    private static final int ZIP_TAIL_WINDOW = 22 + 65_535;

    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PDF_END = ascii("%%EOF");
    private static final Set<String> MP4_BRANDS =
            Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ");
    private static final int MAX_BOXES = 100_000;
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final int MAX_CONTENT_TYPES_BYTES = 1 << 20;
    private static final int MAX_ZIP_ENTRIES = 10_000;

    /** The type the file is, if it is one of the accepted ones and could be read as nothing else. */
    public Optional<AttachmentType> inspect(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = read(channel, 0, (int) Math.min(size, PDF_HEADER_WINDOW));
            byte[] tail = read(channel, Math.max(0, size - ZIP_TAIL_WINDOW), (int) Math.min(size, ZIP_TAIL_WINDOW));
            Optional<AttachmentType> candidate = candidate(head);
            if (candidate.isEmpty() || (candidate.get() != AttachmentType.PDF && indexOf(head, PDF_MAGIC, 0) >= 0)) {
                return Optional.empty();
            }
            boolean valid = switch (candidate.get()) {
                case JPEG -> noZipEnd(tail) && endsWith(tail, new byte[] {(byte) 0xFF, (byte) 0xD9});
                case PDF -> noZipEnd(tail) && onlyWhiteSpaceAfterLastEof(tail);
                case MP4 -> noZipEnd(tail) && boxesTile(channel, size);
                case DOCX -> zipEndsTheFile(tail) && isWordDocument(file);
            };
            return valid ? candidate : Optional.empty();
        }
    }

    /** What the first bytes claim; the rest of the file must then bear it out. */
    private static Optional<AttachmentType> candidate(byte[] head) {
        if (head.length >= 4
                && (head[0] & 0xFF) == 0xFF
                && (head[1] & 0xFF) == 0xD8
                && (head[2] & 0xFF) == 0xFF
                && (head[3] & 0xFF) >= 0xC0
                && (head[3] & 0xFF) != 0xFF
                && (head[3] & 0xFF) != 0xD9) {
            return Optional.of(AttachmentType.JPEG);
        }
        if (startsWith(head, PDF_MAGIC)
                && head.length >= 8
                && Character.isDigit(head[5])
                && head[6] == '.'
                && Character.isDigit(head[7])) {
            return Optional.of(AttachmentType.PDF);
        }
        if (head.length >= 12
                && "ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))
                && MP4_BRANDS.contains(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.of(AttachmentType.MP4);
        }
        if (startsWith(head, ZIP_LOCAL)) {
            return Optional.of(AttachmentType.DOCX);
        }
        return Optional.empty();
    }

    private static boolean noZipEnd(byte[] tail) {
        return indexOf(tail, ZIP_END, 0) < 0;
    }

    private static boolean onlyWhiteSpaceAfterLastEof(byte[] tail) {
        int last = -1;
        for (int at = indexOf(tail, PDF_END, 0); at >= 0; at = indexOf(tail, PDF_END, at + 1)) {
            last = at;
        }
        if (last < 0) {
            return false;
        }
        for (int i = last + PDF_END.length; i < tail.length; i++) {
            if (tail[i] != '\r' && tail[i] != '\n' && tail[i] != ' ' && tail[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** ISO base media boxes, one after another from the first byte to the last: nothing before, between or after. */
    private static boolean boxesTile(FileChannel channel, long size) throws IOException {
        long position = 0;
        boolean movie = false;
        for (int boxes = 0; position < size; boxes++) {
            if (boxes == MAX_BOXES || size - position < 8) {
                return false;
            }
            ByteBuffer header = ByteBuffer.wrap(read(channel, position, 8));
            long boxSize = Integer.toUnsignedLong(header.getInt());
            byte[] type = new byte[4];
            header.get(type);
            if (!isBoxType(type)) {
                return false;
            }
            if (boxSize == 1) {
                if (size - position < 16) {
                    return false;
                }
                boxSize = ByteBuffer.wrap(read(channel, position + 8, 8)).getLong();
            } else if (boxSize == 0) {
                boxSize = size - position;
            }
            if (boxSize < 8 || boxSize > size - position) {
                return false;
            }
            movie |= "moov".equals(new String(type, StandardCharsets.ISO_8859_1));
            position += boxSize;
        }
        return movie;
    }

    private static boolean isBoxType(byte[] type) {
        for (byte b : type) {
            if (!(Character.isLetterOrDigit(b) || b == ' ' || (b & 0xFF) == 0xA9)) {
                return false;
            }
        }
        return true;
    }

    /** The end-of-central-directory record without a comment is the last thing in the file. */
    private static boolean zipEndsTheFile(byte[] tail) {
        int at = tail.length - 22;
        return at >= 0 && indexOf(tail, ZIP_END, at) == at && tail[tail.length - 1] == 0 && tail[tail.length - 2] == 0;
    }

    private static boolean isWordDocument(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES
                    || zip.getEntry("word/document.xml") == null
                    || zip.getEntry("word/vbaProject.bin") != null) {
                return false;
            }
            ZipEntry contentTypes = zip.getEntry(CONTENT_TYPES);
            if (contentTypes == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(contentTypes)) {
                String declared = new String(in.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
                return declared.contains(WORD_MAIN);
            }
        } catch (ZipException notAZip) {
            return false;
        }
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("The file is shorter than its size");
            }
        }
        return buffer.array();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && indexOf(data, prefix, 0) == 0;
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length
                && indexOf(data, suffix, data.length - suffix.length) == data.length - suffix.length;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
