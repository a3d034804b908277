package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentContent;
import dev.missive.attachment.AttachmentService;
import dev.missive.fhir.mapping.BinaryMapper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Attachments go through without being held in memory: HAPI would read a raw {@code POST
 * /Binary} into a byte array, so this takes such uploads (any Content-Type that is not FHIR)
 * before a handler is chosen and streams the body to the attachment service; and it streams
 * {@code GET /Binary/{id}} back as the file itself unless the client asks for FHIR. A FHIR
 * Binary resource is parsed in memory by HAPI, so its body is read here first, capped.
 * Errors are thrown, and so become OperationOutcomes like any other. A request answered here
 * is named the create or read it is, which HAPI would only have done once it chose a handler
 * (the audit trail records the interaction).
 */
@Interceptor
@ApplicationScoped
public class BinaryStreamingInterceptor {

    /** The largest FHIR Binary resource body (base64 in JSON): larger files are uploaded raw. */
    static final int MAX_FHIR_BINARY_BYTES = 10 * 1024 * 1024;

    private static final String BINARY = "Binary";

    @EJB
    AttachmentService attachments;

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public boolean streamBinary(ServletRequestDetails details, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            return handle(details, request, response);
        } catch (RuntimeException thrown) {
            BaseServerResponseException refusal = ServiceExceptionInterceptor.translateOne(thrown);
            throw refusal == null ? thrown : refusal;
        }
    }

    private boolean handle(ServletRequestDetails details, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!BINARY.equals(details.getResourceName()) || details.getOperation() != null) {
            return true;
        }
        boolean hasId = details.getId() != null && details.getId().hasIdPart();
        if (details.getRequestType() == RequestTypeEnum.POST && !hasId) {
            if (isFhir(request.getContentType())) {
                details.setRequestContents(cappedBody(request));
                return true;
            }
            details.setRestOperationType(RestOperationTypeEnum.CREATE);
            upload(details, request, response);
            return false;
        }
        if (details.getRequestType() == RequestTypeEnum.GET
                && hasId
                && RestfulServerUtils.determineResponseEncodingNoDefault(details, null) == null) {
            details.setRestOperationType(RestOperationTypeEnum.READ);
            download(details.getId().getIdPart(), response);
            return false;
        }
        return true;
    }

    private void upload(ServletRequestDetails details, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Attachment attachment =
                attachments.upload(request.getInputStream(), request.getContentType(), request.getContentLengthLong());
        byte[] body = details.getFhirContext()
                .newJsonParser()
                .encodeResourceToString(BinaryMapper.toFhir(attachment))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setHeader(Constants.HEADER_LOCATION, details.getFhirServerBase() + "/Binary/" + attachment.getId());
        response.setContentType(Constants.CT_FHIR_JSON_NEW + Constants.CHARSET_UTF8_CTSUFFIX);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The file itself, to be saved rather than shown, and never sniffed for a more dangerous type. */
    private void download(String id, HttpServletResponse response) throws IOException {
        AttachmentContent found = attachments.open(id);
        try (InputStream content = found.content()) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(found.attachment().getType().mediaType());
            response.setContentLengthLong(found.attachment().getSize());
            response.setHeader("Content-Disposition", "attachment");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(Constants.HEADER_CACHE_CONTROL, "no-store");
            OutputStream out = response.getOutputStream();
            content.transferTo(out);
        }
    }

    private static byte[] cappedBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_FHIR_BINARY_BYTES) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_FHIR_BINARY_BYTES + 1);
        if (body.length > MAX_FHIR_BINARY_BYTES) {
            throw tooLarge();
        }
        return body;
    }

    private static PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("A FHIR Binary resource is at most " + MAX_FHIR_BINARY_BYTES
                + " bytes of JSON: upload larger files raw, with their own Content-Type");
    }

    private static boolean isFhir(String contentType) {
        return contentType != null && EncodingEnum.forContentType(contentType.split(";", 2)[0].strip()) != null;
    }
}
