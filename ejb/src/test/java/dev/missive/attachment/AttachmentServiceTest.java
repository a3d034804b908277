package dev.missive.attachment;

import static dev.missive.samples.AttachmentSamples.DOCX;
import static dev.missive.samples.AttachmentSamples.JPEG;
import static dev.missive.samples.AttachmentSamples.PDF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.cluster.Lease;
import dev.missive.cluster.LeaseRepository;
import dev.missive.samples.AttachmentSamples;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.RuleViolationException;
import dev.missive.service.StorageFullException;
import dev.missive.service.TooLargeException;
import dev.missive.service.UnsupportedContentException;
import dev.missive.testing.TestAttachments;
import dev.missive.testing.TestClinic;
import dev.missive.thread.AttachmentRef;
import dev.missive.thread.DraftService;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadActions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentServiceTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final DraftService drafts = clinic.bean(DraftService.class);
    private final TestAttachments attachments = clinic.attachments;

    @Test
    void theUploaderAloneReadsAnUnattachedFileThenWhoeverReadsTheMessage() throws Exception {
        byte[] pdf = AttachmentSamples.pdf();
        Attachment upload = attachments.upload(pdf, PDF + "; charset=binary");
        assertEquals(AttachmentType.PDF, upload.getType());
        assertEquals(pdf.length, upload.getSize());
        assertEquals(
                Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(pdf)),
                upload.getSha256());
        assertArrayEquals(pdf, attachments.read(upload.getId()));
        clinic.actAs("drlee");
        assertThrows(NotFoundException.class, () -> attachments.read(upload.getId()), "not attached yet");

        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        Message message = sending.send(new NewMessage(
                thread, "My results", null, false, List.of(new AttachmentRef(upload.getId(), "results.pdf"))));
        assertEquals(
                List.of(upload.getId()),
                message.getAttachments().stream().map(Attachment::getId).toList());
        assertEquals("results.pdf", message.getAttachments().get(0).getTitle());

        clinic.actAs("drlee");
        assertArrayEquals(pdf, attachments.read(upload.getId()));
        clinic.actAs("drpatel");
        assertThrows(NotFoundException.class, () -> attachments.read(upload.getId()), "not his thread");
        clinic.actAs("chloe");
        assertThrows(NotFoundException.class, () -> attachments.read(upload.getId()));
    }

    @Test
    void aFileIsAttachedOnceAndOnlyByItsUploader() {
        Attachment upload = attachments.upload(AttachmentSamples.jpeg(), JPEG);
        String thread = clinic.start("alice", "drlee");
        List<AttachmentRef> refs = List.of(new AttachmentRef(upload.getId(), null));
        clinic.actAs("drlee");
        assertThrows(
                InvalidRequestException.class,
                () -> sending.send(new NewMessage(thread, "Mine now", null, false, refs)));
        clinic.actAs("alice");
        sending.send(new NewMessage(thread, "Photo", null, false, refs));
        assertThrows(
                InvalidRequestException.class,
                () -> sending.send(new NewMessage(thread, "Again", null, false, refs)),
                "already carried");
    }

    @Test
    void aDiscardedDraftLetsGoOfItsFilesAndARetractedMessageDeletesThem() {
        Attachment upload = attachments.upload(AttachmentSamples.docx(), DOCX);
        String thread = clinic.start("alice", "drlee");
        List<AttachmentRef> refs = List.of(new AttachmentRef(upload.getId(), "letter.docx"));
        Message draft = drafts.saveMessage(new NewMessage(thread, "Draft", null, true, refs));
        drafts.discard(draft.getId());
        assertEquals(
                null,
                clinic.bean(AttachmentRepository.class)
                        .find(upload.getId())
                        .orElseThrow()
                        .getMessageId(),
                "the uploader's to use again");

        Message sent = sending.send(new NewMessage(thread, "Letter", null, false, refs));
        clinic.bean(ThreadActions.class).retract(sent.getId());

        assertTrue(attachments.stored().isEmpty(), "the bytes are gone");
        assertTrue(attachments.records().isEmpty(), "and the record");
        assertThrows(NotFoundException.class, () -> attachments.read(upload.getId()));
    }

    @Test
    void contentIsCheckedAgainstWhatWasDeclaredAndNothingIsKeptWhenRefused() {
        assertRule(
                "attachment-type-mismatch",
                RuleViolationException.class,
                () -> attachments.upload(AttachmentSamples.pdf(), JPEG));
        assertRule(
                "attachment-type-unsupported",
                UnsupportedContentException.class,
                () -> attachments.upload(AttachmentSamples.elf(), PDF));
        assertRule(
                "attachment-type-unsupported",
                UnsupportedContentException.class,
                () -> attachments.upload(AttachmentSamples.pdf(), "application/x-msdownload"));
        assertRule("attachment-empty", RuleViolationException.class, () -> attachments.upload(new byte[0], PDF));
        byte[] big = AttachmentSamples.mp4(1024 * 1024);
        assertRule(
                "attachment-too-large",
                TooLargeException.class,
                () -> attachments.service().upload(new ByteArrayInputStream(big), "video/mp4", -1));
        assertRule(
                "attachment-too-large",
                TooLargeException.class,
                () -> attachments.service().upload(new ByteArrayInputStream(new byte[0]), "video/mp4", big.length));
        assertTrue(attachments.records().isEmpty() && attachments.stored().isEmpty());
    }

    @Test
    void uploadsNoMessageCarriedWithinADayAreDeleted() {
        Attachment abandoned = attachments.upload(AttachmentSamples.jpeg(), JPEG);
        Attachment sent = attachments.upload(AttachmentSamples.pdf(), PDF);
        sending.send(new NewMessage(
                clinic.start("alice", "drlee"), "Sent", null, false, List.of(new AttachmentRef(sent.getId(), null))));
        clinic.later(AbandonedUploads.KEPT.plusMinutes(1));
        Attachment recent = attachments.upload(AttachmentSamples.mp4(), "video/mp4");
        clinic.inTransaction(clinic.bean(AbandonedUploads.class)::deleteAbandoned);
        assertEquals(List.of(sent.getId(), recent.getId()), attachments.records());
        assertEquals(Set.copyOf(attachments.records()), attachments.stored(), "the bytes went with the record");
    }

    @Test
    void theHourlySweepRunsOnTheOneNodeThatTakesTheHoursLease() {
        Attachment abandoned = attachments.upload(AttachmentSamples.jpeg(), JPEG);
        clinic.later(AbandonedUploads.KEPT.plusMinutes(1));
        clinic.inTransaction(() -> clinic.bean(LeaseRepository.class)
                .add(new Lease(
                        "abandoned-uploads", "node-b", clinic.clock.instant().plus(Duration.ofMinutes(30)))));
        clinic.inTransaction(clinic.bean(AbandonedUploads.class)::deleteAbandoned);
        assertEquals(List.of(abandoned.getId()), attachments.records(), "node-b runs it this hour");

        clinic.later(Duration.ofHours(1));
        clinic.inTransaction(clinic.bean(AbandonedUploads.class)::deleteAbandoned);
        assertTrue(attachments.records().isEmpty(), "the next hour's lease was free");
    }

    @Test
    void theClinicCanSwitchAttachmentsOff() {
        Attachment upload = attachments.upload(AttachmentSamples.jpeg(), JPEG);
        String thread = clinic.start("alice", "drlee");
        clinic.policy(policy -> policy.setAttachmentsAllowed(false));
        assertRule(
                "attachments-disabled",
                RuleViolationException.class,
                () -> attachments.upload(AttachmentSamples.jpeg(), JPEG));
        assertRule(
                "attachments-disabled",
                RuleViolationException.class,
                () -> sending.send(new NewMessage(
                        thread, "Photo", null, false, List.of(new AttachmentRef(upload.getId(), null)))));
    }

    @Test
    void anUploadToAFullStoreIsRefusedAsSuchAndLeavesNeitherFileNorRecord(@TempDir Path staging) {
        TestClinic full = new TestClinic();
        full.beans.add(new FullStore(staging));
        assertThrows(StorageFullException.class, () -> full.attachments.upload(AttachmentSamples.pdf(), PDF));
        assertTrue(full.attachments.records().isEmpty());
        assertEquals(List.of(), files(staging), "the half-written staged file is gone");
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store on a file system with no room left: the staged file is written as onto a full disk (/dev/full). */
    private record FullStore(Path staging) implements AttachmentStore {

        @Override
        public Path newStagingFile() throws IOException {
            return Files.createSymbolicLink(staging.resolve("upload.part"), Path.of("/dev/full"));
        }

        @Override
        public void put(String key, Path staged) {
            throw new AssertionError("nothing to keep");
        }

        @Override
        public InputStream open(String key) {
            throw new AssertionError("nothing to read");
        }

        @Override
        public void delete(String key) {}

        @Override
        public boolean isFull() {
            return true;
        }
    }

    private static void assertRule(
            String rule, Class<? extends RuleViolationException> type, org.junit.jupiter.api.function.Executable call) {
        RuleViolationException thrown = assertThrows(type, call);
        assertEquals(rule, thrown.rule().code());
    }
}
