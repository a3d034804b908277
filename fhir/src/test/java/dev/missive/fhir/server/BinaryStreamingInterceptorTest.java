package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentContent;
import dev.missive.attachment.AttachmentService;
import dev.missive.attachment.AttachmentType;
import dev.missive.audit.AuditAccess;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hl7.fhir.r4.model.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw attachments stream between the client and the attachment service; FHIR Binary resources are capped. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinaryStreamingInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final long LIMIT = 1024;
    private static final String LOCAL = "127.0.0.1";
    private static final byte[] PDF = "%PDF-1.7 a letter from the clinic".getBytes(StandardCharsets.US_ASCII);

    /** What the attachment service was handed: every byte it read, the type and length the client declared. */
    private record Upload(byte[] content, String declaredType, long declaredLength, Attachment stored) {}

    private final Attachment letter = stored(PDF.length);
    private final Queue<Upload> uploads = new ConcurrentLinkedQueue<>();
    private final AuditsKept audits = new AuditsKept();

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(new Attachments(), audits);

    @BeforeEach
    void forget() {
        uploads.clear();
        audits.forget();
    }

    @Test
    void aRawUploadStreamsItsBodyTypeAndLengthToTheService() throws Exception {
        HttpResponse<byte[]> response = uploadPdf();

        assertEquals(201, response.statusCode());
        Upload upload = uploads.remove();
        assertArrayEquals(PDF, upload.content());
        assertEquals("application/pdf", upload.declaredType());
        assertEquals(PDF.length, upload.declaredLength());
        String id = upload.stored().getId();
        assertEquals(
                endpoint.getBaseUrl() + "/Binary/" + id,
                response.headers().firstValue("Location").orElseThrow());
        Binary created = endpoint.parse(Binary.class, response);
        assertEquals(id, created.getIdElement().getIdPart());
        assertEquals("application/pdf", created.getContentType());
    }

    @Test
    void aRawUploadIsAuditedAsTheCreateOfItsAttachment() throws Exception {
        assertEquals(201, uploadPdf().statusCode());

        String id = uploads.remove().stored().getId();
        assertEquals(
                new AuditAccess("create", "Binary", id, null, null, 201, LOCAL, null, null),
                audits.only().access());
    }

    @Test
    void aRawUploadOverTheLimitIsRefused413BeforeItsBodyIsSent() throws Exception {
        // the body never comes: an answer proves that nothing waited for it
        assertEquals(413, endpoint.statusWithoutBody("POST", "Binary", "application/pdf", LIMIT + 1));
        assertEquals(LIMIT + 1, uploads.remove().declaredLength());
    }

    @Test
    void aFhirBinaryResourceOverTheCapIsRefused413BeforeItsBodyIsSent() throws Exception {
        long overTheCap = BinaryStreamingInterceptor.MAX_FHIR_BINARY_BYTES + 1L;
        assertEquals(413, endpoint.statusWithoutBody("POST", "Binary", "application/fhir+json", overTheCap));
        assertTrue(uploads.isEmpty());
    }

    @Test
    void aFhirBinaryResourceIsUploadedFromItsData() throws Exception {
        Binary binary = new Binary().setContentType("application/pdf").setData(PDF);
        String body = endpoint.getFhirContext().newJsonParser().encodeResourceToString(binary);
        HttpResponse<byte[]> response = endpoint.send(endpoint.request("Binary")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(201, response.statusCode());
        Upload upload = uploads.remove();
        assertArrayEquals(PDF, upload.content());
        assertEquals("application/pdf", upload.declaredType());
        assertEquals(PDF.length, upload.declaredLength());
    }

    @Test
    void aDownloadIsTheFileToSaveNeverToSniffNorCache() throws Exception {
        HttpResponse<byte[]> response = endpoint.get("Binary/" + letter.getId());

        assertEquals(200, response.statusCode());
        assertArrayEquals(PDF, response.body());
        assertEquals(List.of("application/pdf"), response.headers().allValues("Content-Type"));
        assertEquals(List.of(String.valueOf(PDF.length)), response.headers().allValues("Content-Length"));
        assertEquals(List.of("attachment"), response.headers().allValues("Content-Disposition"));
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"));
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
    }

    @Test
    void aDownloadIsAuditedAsARead() throws Exception {
        assertEquals(200, endpoint.get("Binary/" + letter.getId()).statusCode());

        assertEquals(
                new AuditAccess("read", "Binary", letter.getId(), null, null, 200, LOCAL, null, null),
                audits.only().access());
    }

    @Test
    void aFhirClientReadsTheBinaryResourceWithItsData() throws Exception {
        HttpResponse<byte[]> response =
                endpoint.send(endpoint.request("Binary/" + letter.getId()).header("Accept", "application/fhir+json"));

        assertEquals(200, response.statusCode());
        Binary binary = endpoint.parse(Binary.class, response);
        assertEquals("application/pdf", binary.getContentType());
        assertArrayEquals(PDF, binary.getData());
    }

    private HttpResponse<byte[]> uploadPdf() throws Exception {
        return endpoint.send(endpoint.request("Binary")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)));
    }

    private static Attachment stored(long size) {
        return new Attachment(StubbedEndpoint.CALLER, AttachmentType.PDF, size, "hash", NOW);
    }

    /** Reads what it is handed as the real service does: refuses a declared length over the limit unread. */
    private final class Attachments implements AttachmentService {

        @Override
        public Attachment upload(InputStream content, String declaredType, long declaredLength) {
            if (declaredLength > LIMIT) {
                uploads.add(new Upload(new byte[0], declaredType, declaredLength, null));
                throw new TooLargeException(Rule.ATTACHMENT_TOO_LARGE, "At most " + LIMIT + " bytes");
            }
            try {
                byte[] read = content.readAllBytes();
                Attachment stored = stored(read.length);
                uploads.add(new Upload(read, declaredType, declaredLength, stored));
                return stored;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public AttachmentContent open(String id) {
            if (!id.equals(letter.getId())) {
                throw new NotFoundException("Binary", id);
            }
            return new AttachmentContent(letter, new ByteArrayInputStream(PDF));
        }

        @Override
        public long maxBytes() {
            return LIMIT;
        }
    }
}
