package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.StringType;

/** Quick replies as the tests write them: a Basic coded quick-reply with its title and text. */
final class QuickReplies {

    static final String KIND = "https://missive.dev/fhir/CodeSystem/basic-kind";
    static final String EXTENSION = "https://missive.dev/fhir/StructureDefinition/quick-reply";
    static final String SEARCH = "Basic?code=" + KIND + "%7Cquick-reply";

    private QuickReplies() {}

    static Basic template(String title, String text) {
        Basic basic = new Basic();
        basic.setCode(new CodeableConcept(new Coding(KIND, "quick-reply", null)));
        Extension template = basic.addExtension().setUrl(EXTENSION);
        template.addExtension("title", new StringType(title));
        template.addExtension("text", new MarkdownType(text));
        return basic;
    }

    /** Creates it as the clinic admin; answers its id. */
    static String create(String title, String text) {
        Fhir.Response created = Fhir.as("admin").post("Basic", template(title, text));
        assertEquals(201, created.status(), created::toString);
        return created.as(Basic.class).getIdElement().getIdPart();
    }

    static String text(Basic basic) {
        return basic.getExtensionByUrl(EXTENSION)
                .getExtensionByUrl("text")
                .getValue()
                .primitiveValue();
    }
}
