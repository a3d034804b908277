package dev.missive.formatting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Markdown subset: what it formats, the plain text beside it, and hostile input kept as text or refused. */
class FormattedTextTest {

    private static String plain(String markdown) {
        return FormattedText.parse(markdown).plainText();
    }

    @Test
    void boldItalicAndLinksLeaveTheirWordsInThePlainText() {
        assertEquals(
                "Take it with food, twice a day. See clinic.example (https://clinic.example/a?b=1)",
                plain("Take it **with food**, *twice* a day. See [clinic.example](https://clinic.example/a?b=1)"));
        assertEquals("bold with italic inside", plain("**bold *with italic* inside**"));
        assertEquals("mail us (mailto:desk@clinic.example)", plain("[mail us](mailto:desk@clinic.example)"));
        assertEquals("https://clinic.example", plain("[https://clinic.example](https://clinic.example)"));
    }

    @Test
    void listsAndParagraphsKeepTheirShape() {
        assertEquals(
                "Before the visit:\n\n- fast\n- bring the list\n\n1. check in\n2. wait\n\nThanks\nDr Lee",
                plain("Before the visit:\n- fast\n* bring the list\n\n1. check in\n2) wait\n\n\nThanks\r\nDr Lee"));
    }

    @Test
    void whatIsNotFormattingStaysAsTyped() {
        assertEquals("2 * 3 * 4 = 24", plain("2 * 3 * 4 = 24"));
        assertEquals("*not closed", plain("*not closed"));
        assertEquals("** spaced **", plain("** spaced **"));
        assertEquals("*literal* and [x]", plain("\\*literal\\* and \\[x]"));
        assertEquals("# Heading\n\n> quote", plain("# Heading\n\n> quote"));
        assertEquals(
                "*bold inside italic*", plain("*bold **inside** italic*"), "the bold is bold, the italic stars text");
        assertEquals("[] (empty)", plain("[] (empty)"));
    }

    @Test
    void htmlAndEntitiesAreTextNeverMarkup() {
        assertEquals("<script>alert(1)</script>", plain("<script>alert(1)</script>"));
        assertEquals("<img src=x onerror=alert(1)>", plain("<img src=x onerror=alert(1)>"));
        assertEquals("&lt;b&gt; &#60;script&#62;", plain("&lt;b&gt; &#60;script&#62;"));
        assertEquals("<b>bold</b>", plain("**<b>bold</b>**"));
        assertEquals("a <https://x.example> b", plain("a <https://x.example> b"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click]( javascript:alert(1))",
                "[click](&#106;avascript:alert(1))",
                "[click](data:text/html;base64,PHNjcmlwdD4=)",
                "[click](vbscript:msgbox)",
                "[click](http://clinic.example)",
                "[click](//evil.example)",
                "[click](https://a.example\" onclick=\"alert(1))",
                "[click](https://a.example'onmouseover='x)",
                "[click](https://a.example/<script>)",
                "[click](https://a.example/ x)",
                "[click](https:\\\\evil.example)",
                "**[click](javascript:alert(1))**",
                "- [click](javascript:alert(1))",
                "[*[click](javascript:x)*](https://a.example)",
                "[see](tomorrow)"
            })
    void unsafeLinksAreRefusedWithTheRule(String markdown) {
        RuleViolationException refused =
                assertThrows(RuleViolationException.class, () -> FormattedText.parse(markdown));
        assertEquals(Rule.FORMATTED_TEXT_INVALID, refused.rule());
    }

    @Test
    void aLinkAddressHasALimit() {
        String url = "https://clinic.example/" + "a".repeat(FormattedText.MAX_URL_LENGTH);
        assertThrows(RuleViolationException.class, () -> FormattedText.parse("[long](" + url + ")"));
        String fits = "https://clinic.example/" + "a".repeat(FormattedText.MAX_URL_LENGTH - 23);
        assertEquals("fits (" + fits + ")", plain("[fits](" + fits + ")"));
    }
}
