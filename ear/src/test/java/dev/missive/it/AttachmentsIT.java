package dev.missive.it;

import static dev.missive.samples.AttachmentSamples.DOCX;
import static dev.missive.samples.AttachmentSamples.JPEG;
import static dev.missive.samples.AttachmentSamples.MP4;
import static dev.missive.samples.AttachmentSamples.PDF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.samples.AttachmentSamples;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/**
 * Attachments over HTTP with real tokens: each accepted kind stored and read back byte for
 * byte, hostile files refused with nothing stored, the size limit enforced before and while
 * reading, who may read a file, retraction, and the clinic's switch.
 */
class AttachmentsIT extends MissiveIT {

    private static final String ATTACHMENTS_ALLOWED =
            "https://missive.dev/fhir/StructureDefinition/attachments-allowed";
    private static final long LIMIT = 50L * 1024 * 1024;
    private static final String RAW = "*/*";

    @Test
    void eachAcceptedKindIsStoredAttachedAndReadBackByteForByte() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(JPEG, AttachmentSamples.jpeg());
        files.put(PDF, AttachmentSamples.pdf());
        files.put(DOCX, AttachmentSamples.docx());
        files.put(MP4, AttachmentSamples.mp4());
        Communication message =
                Threads.message(Threads.start(Fhir.as("alice"), "alice", "drlee", "Files"), "Files attached");
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpResponse<String> created = Binaries.upload("alice", file.getKey(), file.getValue());
            assertEquals(201, created.statusCode(), created::body);
            String id = Binaries.idOf(created);
            assertTrue(
                    id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"),
                    "a random UUID: " + id);
            Binary binary = Fhir.CONTEXT.newJsonParser().parseResource(Binary.class, created.body());
            assertEquals(file.getKey(), binary.getContentType());
            assertTrue(!binary.hasData(), "the answer does not echo the file");
            ids.put(file.getKey(), id);
            message.addPayload()
                    .setContent(new Attachment()
                            .setUrl("Binary/" + id)
                            .setTitle("file " + file.getKey())
                            .setContentType("text/plain")
                            .setSize(1));
        }
        Fhir.Response sent = Fhir.as("alice").post("Communication", message);
        assertEquals(201, sent.status(), sent::toString);

        Communication read = Fhir.as("drlee")
                .get("Communication/" + sent.as(Communication.class).getIdPart())
                .as(Communication.class);
        List<Attachment> carried = read.getPayload().stream()
                .filter(p -> p.getContent() instanceof Attachment)
                .map(p -> (Attachment) p.getContent())
                .toList();
        assertEquals(4, carried.size());
        for (Attachment attachment : carried) {
            byte[] original = files.get(attachment.getContentType());
            assertEquals(
                    "Binary/" + ids.get(attachment.getContentType()),
                    attachment.getUrl(),
                    "the server's type, not the client's text/plain");
            assertEquals(original.length, attachment.getSize());
            assertEquals(sha256(original), attachment.getHashElement().getValueAsString());

            HttpResponse<byte[]> download = Binaries.download("drlee", ids.get(attachment.getContentType()), RAW);
            assertEquals(200, download.statusCode());
            assertArrayEquals(original, download.body());
            assertEquals(
                    attachment.getContentType(),
                    download.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "nosniff",
                    download.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(download.headers()
                    .firstValue("Content-Disposition")
                    .orElse("")
                    .startsWith("attachment"));
        }
        HttpResponse<byte[]> asFhir = Binaries.download("drlee", ids.get(PDF), "application/fhir+json");
        assertEquals(200, asFhir.statusCode());
        assertArrayEquals(
                files.get(PDF),
                Fhir.CONTEXT
                        .newJsonParser()
                        .parseResource(Binary.class, new String(asFhir.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .getData());
    }

    @Test
    void aFhirBinaryResourceIsCheckedTheSameWay() {
        Binary binary = new Binary().setContentType(JPEG);
        binary.setData(AttachmentSamples.jpeg());
        Fhir.Response created = Fhir.as("gina").post("Binary", binary);
        assertEquals(201, created.status(), created::toString);
        assertEquals(JPEG, created.as(Binary.class).getContentType());
        binary.setData(AttachmentSamples.pdf());
        Fhir.Response mismatch = Fhir.as("gina").post("Binary", binary);
        assertEquals(422, mismatch.status(), mismatch::toString);
        assertEquals("attachment-type-mismatch", rule(mismatch.outcome()));
    }

    @Test
    void theCapabilityStatementListsBinaryCreateAndRead() {
        CapabilityStatement statement = Fhir.as("alice").get("metadata").as(CapabilityStatement.class);
        List<String> interactions = statement.getRestFirstRep().getResource().stream()
                .filter(resource -> "Binary".equals(resource.getType()))
                .flatMap(resource -> resource.getInteraction().stream())
                .map(interaction -> interaction.getCode().toCode())
                .sorted()
                .toList();
        assertEquals(List.of("create", "read"), interactions);
    }

    @Test
    void hostileFilesAreRefusedAndNothingIsStored() throws Exception {
        byte[] zip = AttachmentSamples.jar();
        record Hostile(String what, String declared, byte[] content, int status, String rule) {}
        List<Hostile> hostile = List.of(
                new Hostile("a PDF declared as a JPEG", JPEG, AttachmentSamples.pdf(), 422, "attachment-type-mismatch"),
                new Hostile(
                        "an ELF executable called a PDF",
                        PDF,
                        AttachmentSamples.elf(),
                        415,
                        "attachment-type-unsupported"),
                new Hostile(
                        "a Windows executable called a PDF",
                        PDF,
                        AttachmentSamples.mz(),
                        415,
                        "attachment-type-unsupported"),
                new Hostile(
                        "a zip that is not a Word document",
                        DOCX,
                        AttachmentSamples.zipNotOoxml(),
                        415,
                        "attachment-type-unsupported"),
                new Hostile("a JAR called a DOCX", DOCX, zip, 415, "attachment-type-unsupported"),
                new Hostile(
                        "a PDF that is also a JAR",
                        PDF,
                        AttachmentSamples.concat(AttachmentSamples.pdf(), zip),
                        415,
                        "attachment-type-unsupported"),
                new Hostile(
                        "a JPEG with a zip appended",
                        JPEG,
                        AttachmentSamples.concat(AttachmentSamples.jpeg(), zip),
                        415,
                        "attachment-type-unsupported"),
                new Hostile(
                        "an MP4 with a zip appended",
                        MP4,
                        AttachmentSamples.concat(AttachmentSamples.mp4(), zip),
                        415,
                        "attachment-type-unsupported"),
                new Hostile("zero bytes", PDF, new byte[0], 422, "attachment-empty"),
                new Hostile(
                        "HTML",
                        "text/html",
                        "<script>alert(1)</script>".getBytes(),
                        415,
                        "attachment-type-unsupported"));
        long before = Binaries.storedFiles();
        List<String> wrong = new ArrayList<>();
        for (Hostile file : hostile) {
            HttpResponse<String> refused = Binaries.upload("alice", file.declared(), file.content());
            OperationOutcome outcome =
                    Fhir.CONTEXT.newJsonParser().parseResource(OperationOutcome.class, refused.body());
            if (refused.statusCode() != file.status() || !file.rule().equals(rule(outcome))) {
                wrong.add(file.what() + ": " + refused.statusCode() + " " + refused.body());
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertEquals(before, Binaries.storedFiles(), "nothing kept, nothing left in staging");
    }

    @Test
    void moreThanTheLimitIsRefusedBeforeOrWhileReading() throws Exception {
        long before = Binaries.storedFiles();
        assertTrue(Binaries.announceOnly("alice", LIMIT + 1).contains(" 413"), "answered from the headers alone");
        HttpResponse<String> chunked =
                Binaries.uploadChunked("alice", PDF, AttachmentSamples.ascii("%PDF-1.4\n"), LIMIT + 1024 * 1024);
        assertEquals(413, chunked.statusCode(), chunked::body);
        assertEquals(
                "attachment-too-large",
                rule(Fhir.CONTEXT.newJsonParser().parseResource(OperationOutcome.class, chunked.body())));
        assertEquals(before, Binaries.storedFiles());
    }

    /** The 50 MB upload with the server's heap watched; the figures go to the test's output. */
    @Test
    void aFiftyMegabyteFileStreamsThroughWithoutBeingHeldInMemory() throws Exception {
        byte[] movie = AttachmentSamples.mp4((int) LIMIT - 148);
        assertEquals(LIMIT, movie.length);
        try (ServerHeap heap = ServerHeap.attach()) {
            long settled = heap.settle();
            long start = System.nanoTime();
            HttpResponse<String> created = Binaries.upload("alice", MP4, movie);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(201, created.statusCode(), created::body);
            long peak = heap.peak();
            System.out.printf(
                    "AttachmentsIT 50 MB upload (%s): %.2f s, %.1f MB/s; heap %d MB settled, peak %d MB (+%d MB)%n",
                    System.getProperty("arquillian.launch"),
                    seconds,
                    LIMIT / 1048576.0 / seconds,
                    settled >> 20,
                    peak >> 20,
                    (peak - settled) >> 20);
            assertTrue(peak - settled < LIMIT / 2, "the heap grew by less than half the file: it was never held whole");
            HttpResponse<byte[]> back = Binaries.download("alice", Binaries.idOf(created), RAW);
            assertEquals(sha256(movie), sha256(back.body()));
        }
    }

    @Test
    void whoMayReadAFile() {
        Map<String, Integer> unattached = new LinkedHashMap<>();
        String draft = Binaries.idOf(Binaries.upload("alice", JPEG, AttachmentSamples.jpeg()));
        for (String account : List.of("alice", "drlee", "chloe", "gina", "admin", Tokens.INTEGRATION)) {
            unattached.put(account, Binaries.download(account, draft, RAW).statusCode());
        }
        assertEquals(
                Map.of("alice", 200, "drlee", 404, "chloe", 404, "gina", 404, "admin", 404, Tokens.INTEGRATION, 404),
                unattached,
                "the uploader alone until a message carries it");

        Fhir ben = Fhir.as("ben");
        String open = attachedIn(ben, "ben", Threads.start(ben, "ben", "drlee", "Open file"));
        Communication header = Threads.header("ben", "drlee", "Confidential file");
        header.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);
        String confidential = attachedIn(ben, "ben", Threads.start(ben, header));
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        for (String account :
                List.of("ben", "drlee", "gina", "chloe", "alice", "drpatel", "admin", Tokens.INTEGRATION)) {
            seen.put(
                    account,
                    List.of(
                            Binaries.download(account, open, RAW).statusCode(),
                            Binaries.download(account, confidential, RAW).statusCode()));
        }
        assertEquals(
                Map.of(
                        "ben",
                        List.of(200, 200),
                        "drlee",
                        List.of(200, 200),
                        "gina",
                        List.of(200, 404),
                        "chloe",
                        List.of(404, 404),
                        "alice",
                        List.of(404, 404),
                        "drpatel",
                        List.of(404, 404),
                        "admin",
                        List.of(200, 200),
                        Tokens.INTEGRATION,
                        List.of(200, 200)),
                seen,
                "[open thread, confidential thread]: as the messages; proxies never see confidential ones");
        assertEquals(
                404,
                Binaries.download("ben", "00000000-0000-4000-8000-000000000000", RAW)
                        .statusCode());

        assertEquals(
                403, Binaries.upload("admin", JPEG, AttachmentSamples.jpeg()).statusCode(), "admins write no messages");
        assertEquals(
                403,
                Binaries.upload(Tokens.INTEGRATION, JPEG, AttachmentSamples.jpeg())
                        .statusCode());
        assertEquals(
                201, Binaries.upload("gina", JPEG, AttachmentSamples.jpeg()).statusCode(), "proxies do");
        assertEquals(401, Fhir.anonymous().get("Binary/" + open).status());
    }

    @Test
    void aFileCannotBeTakenByAnotherSenderOrMessage() {
        String upload = Binaries.idOf(Binaries.upload("alice", PDF, AttachmentSamples.pdf()));
        String thread = Threads.start(Fhir.as("alice"), "alice", "drlee", "Taken");
        Communication byDrLee = withAttachment(Threads.message(thread, "Mine"), upload);
        assertEquals(400, Fhir.as("drlee").post("Communication", byDrLee).status(), "not his upload");
        assertEquals(
                201,
                Fhir.as("alice")
                        .post("Communication", withAttachment(Threads.message(thread, "One"), upload))
                        .status());
        assertEquals(
                400,
                Fhir.as("alice")
                        .post("Communication", withAttachment(Threads.message(thread, "Two"), upload))
                        .status(),
                "already carried by a message");
    }

    @Test
    void aRetractedMessageTakesItsFilesWithIt() throws Exception {
        Fhir alice = Fhir.as("alice");
        String thread = Threads.start(alice, "alice", "drlee", "Retract file");
        String upload = Binaries.idOf(Binaries.upload("alice", DOCX, AttachmentSamples.docx()));
        long stored = Binaries.storedFiles();
        Fhir.Response sent = alice.post("Communication", withAttachment(Threads.message(thread, "Oops"), upload));
        String messageId = sent.as(Communication.class).getIdPart();
        assertEquals(200, Binaries.download("drlee", upload, RAW).statusCode());

        Fhir.Response retracted = alice.postEmpty("Communication/" + messageId + "/$retract");
        assertEquals(200, retracted.status(), retracted::toString);
        assertTrue(!retracted.as(Communication.class).hasPayload());
        for (String account : List.of("alice", "drlee", "admin")) {
            assertEquals(404, Binaries.download(account, upload, RAW).statusCode(), account);
        }
        assertEquals(stored - 1, Binaries.storedFiles(), "the bytes are deleted");
    }

    @Test
    void theClinicSwitchesAttachmentsOff() {
        Fhir admin = Fhir.as("admin");
        String earlier = Binaries.idOf(Binaries.upload("alice", JPEG, AttachmentSamples.jpeg()));
        String thread = Threads.start(Fhir.as("alice"), "alice", "drlee", "Switched off");
        Organization clinic = admin.get("Organization/clinic").as(Organization.class);
        try {
            clinic.getExtension().removeIf(extension -> ATTACHMENTS_ALLOWED.equals(extension.getUrl()));
            clinic.addExtension(ATTACHMENTS_ALLOWED, new BooleanType(false));
            assertEquals(200, admin.put("Organization/clinic", clinic, null).status());
            HttpResponse<String> upload = Binaries.upload("alice", JPEG, AttachmentSamples.jpeg());
            assertEquals(422, upload.statusCode(), upload::body);
            assertEquals(
                    "attachments-disabled",
                    rule(Fhir.CONTEXT.newJsonParser().parseResource(OperationOutcome.class, upload.body())));
            Fhir.Response send =
                    Fhir.as("alice").post("Communication", withAttachment(Threads.message(thread, "Photo"), earlier));
            assertEquals(422, send.status(), send::toString);
            assertEquals("attachments-disabled", rule(send.outcome()));
        } finally {
            clinic.getExtension().removeIf(extension -> ATTACHMENTS_ALLOWED.equals(extension.getUrl()));
            clinic.addExtension(ATTACHMENTS_ALLOWED, new BooleanType(true));
            assertEquals(200, admin.put("Organization/clinic", clinic, null).status());
        }
        assertEquals(
                201, Binaries.upload("alice", JPEG, AttachmentSamples.jpeg()).statusCode());
    }

    /** Uploads a file as the account and sends it in the thread; returns the file's id. */
    private static String attachedIn(Fhir client, String account, String thread) {
        String upload = Binaries.idOf(Binaries.upload(account, JPEG, AttachmentSamples.jpeg()));
        Fhir.Response sent = client.post("Communication", withAttachment(Threads.message(thread, "A photo"), upload));
        assertEquals(201, sent.status(), sent::toString);
        return upload;
    }

    private static Communication withAttachment(Communication message, String binaryId) {
        message.addPayload().setContent(new Attachment().setUrl("Binary/" + binaryId));
        return message;
    }

    private static String rule(OperationOutcome outcome) {
        return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }

    private static String sha256(byte[] content) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
