package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Formatted text over FHIR with real tokens: the Markdown travels in the formatted-text extension
 * of the text payload, contentString is the server's plain text of it, and an unsafe link is
 * refused with its rule code and writes nothing.
 */
class FormattedTextIT extends MissiveIT {

    static final String FORMATTED_TEXT = "https://missive.dev/fhir/StructureDefinition/formatted-text";

    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");
    private String thread;

    @BeforeEach
    void aliceWritesToDrLee() {
        thread = Threads.start(alice, Threads.header("alice", "drlee", "Formatting"));
    }

    static Communication formatted(String threadId, String contentString, String markdown) {
        Communication message = Threads.message(threadId, contentString);
        message.getPayloadFirstRep().addExtension(FORMATTED_TEXT, new MarkdownType(markdown));
        return message;
    }

    private Communication read(Fhir client, String id) {
        Fhir.Response read = client.get("Communication/" + id);
        assertEquals(200, read.status(), read::toString);
        return read.as(Communication.class);
    }

    @Test
    void theOtherSideReadsTheFormattedTextAndItsPlainForm() {
        Fhir.Response sent = alice.post(
                "Communication",
                formatted(
                        thread,
                        "whatever the client had",
                        "My knee is **worse**, *mostly* at night:\n- stairs\n- kneeling\n\nSee [the leaflet](https://clinic.example/knee)"));
        assertEquals(201, sent.status(), sent::toString);

        Communication received =
                read(drlee, sent.as(Communication.class).getIdElement().getIdPart());
        Communication.CommunicationPayloadComponent text = received.getPayloadFirstRep();
        assertEquals(
                "My knee is worse, mostly at night:\n\n- stairs\n- kneeling\n\nSee the leaflet (https://clinic.example/knee)",
                ((StringType) text.getContent()).getValue());
        assertEquals(
                "My knee is **worse**, *mostly* at night:\n- stairs\n- kneeling\n\nSee [the leaflet](https://clinic.example/knee)",
                ((MarkdownType) text.getExtensionByUrl(FORMATTED_TEXT).getValue()).getValue());
    }

    @Test
    void htmlIsKeptAsTextAndAPlainMessageHasNoFormattedText() {
        String hostile = "<script>alert('x')</script> **<img src=x onerror=alert(1)>** &lt;b&gt;";
        String id = alice.post("Communication", formatted(thread, "x", hostile))
                .as(Communication.class)
                .getIdElement()
                .getIdPart();
        Communication.CommunicationPayloadComponent text = read(drlee, id).getPayloadFirstRep();
        assertEquals(
                "<script>alert('x')</script> <img src=x onerror=alert(1)> &lt;b&gt;",
                ((StringType) text.getContent()).getValue());

        String plain = Threads.send(alice, thread, "Just **text**, as typed");
        Communication.CommunicationPayloadComponent asTyped = read(drlee, plain).getPayloadFirstRep();
        assertEquals("Just **text**, as typed", ((StringType) asTyped.getContent()).getValue());
        assertFalse(asTyped.hasExtension(FORMATTED_TEXT));
    }

    @Test
    void unsafeLinksAreRefusedWithTheirRuleAndWriteNothing() {
        for (String markdown : new String[] {
            "[click](javascript:alert(document.cookie))",
            "[click](JAVASCRIPT:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](data:text/html,<script>alert(1)</script>)",
            "[click](http://clinic.example)"
        }) {
            Fhir.Response refused = alice.post("Communication", formatted(thread, "click", markdown));
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("formatted-text-invalid", Fhir.rule(refused));
            assertFalse(refused.body().contains("alert"), "the refusal does not repeat the text");
        }
        Fhir.Response tooLong = alice.post("Communication", formatted(thread, "x", "*a* " + "b".repeat(20_000)));
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals(
                0,
                alice.get("Communication?part-of=Communication/" + thread)
                        .bundle()
                        .getEntry()
                        .size());
    }

    @Test
    void aDraftKeepsItsFormattedTextUntilSent() {
        Communication draft = formatted(thread, "x", "*draft*");
        draft.setStatus(Communication.CommunicationStatus.PREPARATION);
        Fhir.Response saved = alice.post("Communication", draft);
        assertEquals(201, saved.status(), saved::toString);
        String id = saved.as(Communication.class).getIdElement().getIdPart();

        Communication edited = formatted(thread, "x", "**final**");
        edited.setStatus(Communication.CommunicationStatus.PREPARATION);
        edited.setId(id);
        assertEquals(200, alice.put("Communication/" + id, edited, null).status());
        Communication.CommunicationPayloadComponent text = read(alice, id).getPayloadFirstRep();
        assertEquals("final", ((StringType) text.getContent()).getValue());
        assertEquals(
                "**final**",
                ((MarkdownType) text.getExtensionByUrl(FORMATTED_TEXT).getValue()).getValue());
    }
}
