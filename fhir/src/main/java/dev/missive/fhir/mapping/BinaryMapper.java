package dev.missive.fhir.mapping;

import dev.missive.attachment.Attachment;
import org.hl7.fhir.r4.model.Binary;

/** An uploaded file as a FHIR Binary: its id and the type the server found; the data only when asked for. */
public final class BinaryMapper {

    private BinaryMapper() {}

    public static Binary toFhir(Attachment attachment) {
        Binary binary = new Binary();
        // an upload never changes: it has one version
        VersionIds.setMeta(binary, attachment.getId(), 0, attachment.getCreated());
        binary.setContentType(attachment.getType().mediaType());
        return binary;
    }
}
