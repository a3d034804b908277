package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Formatted text and quick replies in a real Chromium: Dr Lee inserts a quick reply with its
 * placeholders filled, formats his answer with the toolbar and sees it rendered; a hostile message
 * (HTML and script typed as formatted text) shows as text, runs nothing and adds no element; a
 * patient's ordinary punctuation that is no formatting the server accepts is sent as typed.
 */
@ExtendWith(Browsers.class)
class PortalFormattingIT extends MissiveIT {

    private static final String HOSTILE =
            "**<img src=x onerror=\"window.pwned=1\">** <script>window.pwned=2</script> &lt;b&gt;";

    @Test
    void drLeeAnswersWithAFormattedQuickReplyAndAHostileMessageStaysText(Browsers browsers) {
        Fhir alice = Fhir.as("alice");
        String thread = Threads.start(alice, "alice", "drlee", "Formatting in the portal");
        Fhir.Response hostile = alice.post("Communication", FormattedTextIT.formatted(thread, "x", HOSTILE));
        assertEquals(201, hostile.status(), hostile::toString);
        String template = QuickReplies.create(
                "Portal follow-up", "Hi {{patient-first-name}}, thanks for the update. {{practitioner-name}}");
        try {
            Browser drlee = browsers.signIn("drlee");
            drlee.open("#/threads/" + thread);
            drlee.textAppears(By.cssSelector("li.message .text.formatted strong"), "<img src=x onerror=");
            assertNull(drlee.evaluate("return window.pwned ?? null"), "no script ran");
            assertEquals(
                    0L, drlee.evaluate("return document.querySelectorAll('li.message img, li.message script').length"));
            assertEquals(
                    "<script>window.pwned=2</script> &lt;b&gt;",
                    drlee.evaluate(
                                    "return document.querySelector('li.message .text.formatted p').lastChild.textContent")
                            .toString()
                            .strip());

            drlee.choose(By.id("quick-reply"), "Portal follow-up");
            assertEquals(
                    "Hi Alice, thanks for the update. Emma Lee",
                    drlee.visible(By.id("reply-text")).getAttribute("value"));
            drlee.visible(By.id("reply-text")).sendKeys("\n\nPlease keep:\n");
            drlee.click(By.id("format-bullets"));
            drlee.visible(By.id("reply-text")).sendKeys("ice on it");
            drlee.visible(By.id("reply-text")).sendKeys("\n");
            drlee.click(By.id("format-bold"));
            drlee.visible(By.id("reply-text")).sendKeys("See you soon");
            drlee.click(By.id("send-reply"));

            By rendered = By.xpath("//li[contains(@class,'message')]//div[contains(@class,'formatted')]"
                    + "[.//ul/li[text()='ice on it'] and .//p/strong[text()='See you soon']]");
            drlee.visible(rendered);
            drlee.scrollTo(rendered);
            drlee.screenshot("formatted-thread");
        } finally {
            Fhir.as("admin").delete("Basic/" + template);
        }
    }

    @Test
    void alicesPunctuationIsSentAsSheTypedItAndHerFormattingBesideIt(Browsers browsers) {
        Fhir alice = Fhir.as("alice");
        String thread = Threads.start(alice, "alice", "drlee", "Punctuation in the portal");
        String plain = "Can we move it? [see](tomorrow) or a*b, 2*3 pills";
        String mixed = "**Urgent**: [see](tomorrow) or a*b, 2*3";
        Browser browser = browsers.signIn("alice");
        browser.open("#/threads/" + thread);
        browser.type(By.id("reply-text"), plain);
        browser.click(By.id("send-reply"));
        browser.visible(
                By.xpath("//li[contains(@class,'message')]//p[contains(@class,'text') and text()='" + plain + "']"));

        browser.type(By.id("reply-text"), mixed);
        browser.click(By.id("send-reply"));
        By rendered = By.xpath("//li[contains(@class,'message')]//div[contains(@class,'formatted')]"
                + "/p[strong[text()='Urgent'] and contains(., ': [see](tomorrow) or a*b, 2*3')]");
        browser.visible(rendered);
        assertEquals(List.of(), browser.all(By.cssSelector("#reply-refused, .reply .error")), "nothing refused");
        browser.scrollTo(rendered);
        browser.screenshot("formatting-punctuation-as-typed");

        List<Communication> sent =
                alice.get("Communication?part-of=Communication/" + thread).bundle().getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getResource)
                        .map(Communication.class::cast)
                        .toList();
        Communication asTyped = sent.stream()
                .filter(m -> plain.equals(
                        m.getPayloadFirstRep().getContentStringType().getValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the plain message as typed: " + sent));
        assertFalse(asTyped.getPayloadFirstRep().hasExtension(FormattedTextIT.FORMATTED_TEXT), "plain text");
        assertEquals(
                1L,
                sent.stream()
                        .filter(m -> "Urgent: [see](tomorrow) or a*b, 2*3"
                                        .equals(m.getPayloadFirstRep()
                                                .getContentStringType()
                                                .getValue())
                                && m.getPayloadFirstRep().hasExtension(FormattedTextIT.FORMATTED_TEXT))
                        .count(),
                "the formatted one, the punctuation as typed in its plain text: " + sent);
    }
}
