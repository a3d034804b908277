package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.MarkdownType;
import org.junit.jupiter.api.Test;

/**
 * Quick replies over FHIR with real tokens: the clinic admin writes them (versioned, If-Match),
 * staff find them by code, and a bad template is refused with its rule and changes nothing.
 */
class QuickRepliesIT extends MissiveIT {

    private final Fhir admin = Fhir.as("admin");
    private final Fhir nurse = Fhir.as("nursekim");

    @Test
    void theAdminWritesATemplateAndStaffFindIt() {
        String id = QuickReplies.create("IT results", "Hi {{patient-first-name}}, your results are **normal**.");
        Fhir.Response found = nurse.get(QuickReplies.SEARCH);
        assertEquals(200, found.status(), found::toString);
        assertTrue(found.bundle().getEntry().stream()
                .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(id)));

        Fhir.Response read = admin.get("Basic/" + id);
        Basic changed = read.as(Basic.class);
        changed.getExtensionByUrl(QuickReplies.EXTENSION)
                .getExtensionByUrl("text")
                .setValue(new MarkdownType("Your results are fine. {{practitioner-name}}"));
        assertEquals(200, admin.put("Basic/" + id, changed, read.etag()).status());
        Basic outdated = QuickReplies.template("IT results", "Stale");
        outdated.setId(id);
        Fhir.Response stale = admin.put("Basic/" + id, outdated, read.etag());
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(
                "Your results are fine. {{practitioner-name}}",
                QuickReplies.text(nurse.get("Basic/" + id).as(Basic.class)));

        assertEquals(204, admin.delete("Basic/" + id).status());
        assertEquals(404, nurse.get("Basic/" + id).status());
    }

    @Test
    void aBadTemplateIsRefusedWithItsRule() {
        Fhir.Response unknown = admin.post("Basic", QuickReplies.template("IT bad", "Dear {{patient-last-name}}"));
        assertEquals(422, unknown.status(), unknown::toString);
        assertEquals("quick-reply-placeholder-unknown", Fhir.rule(unknown));
        Fhir.Response link = admin.post("Basic", QuickReplies.template("IT bad", "[x](javascript:alert(1))"));
        assertEquals(422, link.status(), link::toString);
        assertEquals("formatted-text-invalid", Fhir.rule(link));
        Fhir.Response notQuickReply = admin.postRaw("Basic", "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}");
        assertEquals(400, notQuickReply.status(), notQuickReply::toString);
        Fhir.Response otherCode = nurse.get("Basic?code=http://example.org%7Cother");
        assertEquals(400, otherCode.status(), otherCode::toString);
        assertFalse(nurse.get(QuickReplies.SEARCH).body().contains("IT bad"));
    }
}
