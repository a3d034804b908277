package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.quickreply.QuickReply;
import dev.missive.quickreply.QuickReplyContent;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;

/** A quick reply as a {@code Basic} coded {@code basic-kind#quick-reply}, its title and text in the quick-reply extension. */
public final class QuickReplyMapper {

    public static final String CODE = "quick-reply";

    private QuickReplyMapper() {}

    public static Basic toFhir(QuickReply reply) {
        Basic resource = new Basic();
        VersionIds.setMeta(resource, reply.getId(), reply.getVersion(), reply.getUpdated());
        resource.setCode(new CodeableConcept(new Coding(MissiveFhir.BASIC_KIND, CODE, "Quick reply")));
        Extension template = resource.addExtension().setUrl(MissiveFhir.QUICK_REPLY);
        template.addExtension("title", new StringType(reply.getTitle()));
        template.addExtension("text", new MarkdownType(reply.getText()));
        return resource;
    }

    public static QuickReplyContent fromFhir(Basic resource) {
        boolean quickReply = resource.getCode().getCoding().stream()
                .anyMatch(c -> MissiveFhir.BASIC_KIND.equals(c.getSystem()) && CODE.equals(c.getCode()));
        if (!quickReply) {
            throw new InvalidRequestException("Basic.code must be " + MissiveFhir.BASIC_KIND + "|" + CODE);
        }
        Extension template = Extensions.single(resource, MissiveFhir.QUICK_REPLY);
        if (template == null) {
            throw new InvalidRequestException("A quick reply has the extension " + MissiveFhir.QUICK_REPLY);
        }
        return new QuickReplyContent(value(template, "title"), value(template, "text"));
    }

    private static String value(Extension template, String part) {
        Extension found = Extensions.single(template, part);
        if (found == null || !(found.getValue() instanceof PrimitiveType<?> value) || !value.hasValue()) {
            throw new InvalidRequestException("quick-reply needs its " + part);
        }
        return value.getValueAsString();
    }
}
