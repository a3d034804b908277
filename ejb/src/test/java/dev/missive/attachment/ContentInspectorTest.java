package dev.missive.attachment;

import static dev.missive.samples.AttachmentSamples.ascii;
import static dev.missive.samples.AttachmentSamples.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.samples.AttachmentSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentInspectorTest {

    private final ContentInspector inspector = new ContentInspector();

    @TempDir
    Path directory;

    @Test
    void eachAcceptedKindIsRecognisedByItsContent() throws IOException {
        assertEquals(Optional.of(AttachmentType.JPEG), inspect(AttachmentSamples.jpeg()));
        assertEquals(Optional.of(AttachmentType.PDF), inspect(AttachmentSamples.pdf()));
        assertEquals(Optional.of(AttachmentType.DOCX), inspect(AttachmentSamples.docx()));
        assertEquals(Optional.of(AttachmentType.MP4), inspect(AttachmentSamples.mp4()));
        assertEquals(
                Optional.of(AttachmentType.MP4), inspect(AttachmentSamples.mp4(200_000)), "tail past the zip window");
    }

    @Test
    void executablesTextAndOtherZipsAreNone() throws IOException {
        assertEquals(Optional.empty(), inspect(AttachmentSamples.elf()));
        assertEquals(Optional.empty(), inspect(AttachmentSamples.mz()));
        assertEquals(Optional.empty(), inspect(ascii("just some text, called notes.pdf")));
        assertEquals(Optional.empty(), inspect(AttachmentSamples.jar()), "a zip that is not a Word document");
        assertEquals(Optional.empty(), inspect(AttachmentSamples.zipNotOoxml()));
        assertEquals(Optional.empty(), inspect(new byte[0]));
    }

    @Test
    void polyglotsAreNone() throws IOException {
        byte[] zip = AttachmentSamples.jar();
        assertEquals(Optional.empty(), inspect(concat(AttachmentSamples.pdf(), zip)), "PDF with a JAR appended");
        assertEquals(
                Optional.empty(),
                inspect(concat(AttachmentSamples.pdf(), zip, ascii("\n%%EOF\n"))),
                "PDF with a JAR inside its last bytes, ending %%EOF again");
        assertEquals(Optional.empty(), inspect(concat(AttachmentSamples.jpeg(), zip)), "JPEG with a zip appended");
        assertEquals(
                Optional.empty(),
                inspect(concat(AttachmentSamples.jpeg(), zip, new byte[] {(byte) 0xFF, (byte) 0xD9})),
                "JPEG, zip, and an end-of-image marker again");
        assertEquals(Optional.empty(), inspect(concat(AttachmentSamples.mp4(), zip)), "MP4 with a zip appended");
        assertEquals(
                Optional.empty(),
                inspect(concat(AttachmentSamples.docx(), ascii("%PDF-1.4 trailing"))),
                "a DOCX with anything after its zip directory");
        assertEquals(
                Optional.empty(),
                inspect(concat(ascii("%PDF-1.4\n"), AttachmentSamples.docx())),
                "a zip behind a PDF header");
    }

    @Test
    void truncatedOrTamperedFilesAreNone() throws IOException {
        byte[] jpeg = AttachmentSamples.jpeg();
        assertEquals(Optional.empty(), inspect(Arrays.copyOf(jpeg, jpeg.length - 1)), "no end-of-image marker");
        byte[] pdf = AttachmentSamples.pdf();
        assertEquals(Optional.empty(), inspect(Arrays.copyOf(pdf, pdf.length - 8)), "no %%EOF");
        assertEquals(Optional.empty(), inspect(concat(pdf, ascii("MZ after the end"))), "bytes after %%EOF");
        byte[] mp4 = AttachmentSamples.mp4();
        assertEquals(Optional.empty(), inspect(Arrays.copyOf(mp4, mp4.length - 1)), "a box longer than the file");
        assertEquals(Optional.empty(), inspect(Arrays.copyOf(mp4, 24)), "ftyp alone: no movie");
    }

    private Optional<AttachmentType> inspect(byte[] content) throws IOException {
        Path file = Files.write(Files.createTempFile(directory, "sample", ".bin"), content);
        return inspector.inspect(file);
    }
}
