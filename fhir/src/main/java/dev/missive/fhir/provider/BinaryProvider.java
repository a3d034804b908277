package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import dev.missive.attachment.Attachment;
import dev.missive.attachment.AttachmentContent;
import dev.missive.attachment.AttachmentService;
import dev.missive.fhir.mapping.BinaryMapper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;

/**
 * Attachments as FHIR Binary resources, for clients that send and ask for FHIR JSON. Raw
 * uploads and downloads never reach here: {@code BinaryStreamingInterceptor} streams them.
 */
@ApplicationScoped
public class BinaryProvider implements IResourceProvider {

    @EJB
    AttachmentService attachments;

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    /** A Binary resource whose data (already in memory, and capped) is the file. */
    @Create
    public MethodOutcome create(@ResourceParam Binary resource) {
        byte[] data = resource.hasData() ? resource.getData() : new byte[0];
        Attachment attachment =
                attachments.upload(new ByteArrayInputStream(data), resource.getContentType(), data.length);
        return Versions.outcome(BinaryMapper.toFhir(attachment), true);
    }

    /** The file with its data, when a FHIR client asks for the resource (Accept: application/fhir+json). */
    @Read
    public Binary read(@IdParam IdType id) {
        AttachmentContent found = attachments.open(id.getIdPart());
        try (InputStream content = found.content()) {
            return BinaryMapper.toFhir(found.attachment()).setData(content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
