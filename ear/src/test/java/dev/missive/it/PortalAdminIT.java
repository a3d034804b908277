package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A clinic admin in the portal's settings: manages the quick replies (add, edit, a change made
 * meanwhile elsewhere said and not overwritten, delete) and records Dr Lee's cover, which Alice
 * then sees in her inbox list. Screenshots in target/screenshots.
 */
@ExtendWith(Browsers.class)
class PortalAdminIT extends MissiveIT {

    private final Fhir admin = Fhir.as("admin");

    @AfterEach
    void drLeeIsBack() {
        assertEquals(200, admin.postEmpty("Practitioner/drlee/$clear-cover").status());
    }

    private List<Basic> quickReplies(String title) {
        return admin.get(QuickReplies.SEARCH).bundle().getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .map(Basic.class::cast)
                .filter(reply -> title.equals(reply.getExtensionByUrl(QuickReplies.EXTENSION)
                        .getExtensionByUrl("title")
                        .getValue()
                        .primitiveValue()))
                .toList();
    }

    @Test
    void anAdminAddsEditsAndDeletesAQuickReplyAndIsToldOfAChangeMadeMeanwhile(Browsers browsers) {
        String title = "Results in " + System.nanoTime();
        Browser browser = browsers.signIn("admin");
        browser.click(By.id("nav-settings"));
        browser.type(By.id("quick-reply-title-new"), title);
        browser.type(By.id("quick-reply-text-new"), "Hi {{patient-first-name}}, your results are ");
        browser.click(By.id("format-bold"));
        browser.visible(By.id("quick-reply-text-new")).sendKeys("normal");
        browser.click(By.id("save-quick-reply-new"));
        browser.textAppears(By.id("quick-replies-status"), "Added.");
        List<Basic> added = quickReplies(title);
        assertEquals(1, added.size(), "added once");
        String id = added.get(0).getIdElement().getIdPart();
        try {
            assertEquals(
                    "Hi {{patient-first-name}}, your results are **normal**",
                    QuickReplies.text(added.get(0)),
                    "the toolbar's formatting kept");
            browser.textAppears(By.cssSelector("#quick-reply-" + id + " .text.formatted strong"), "normal");

            browser.click(By.id("edit-quick-reply-" + id));
            browser.type(By.id("quick-reply-title-" + id), title + " (edited)");
            Basic meanwhile = admin.get("Basic/" + id).as(Basic.class);
            meanwhile
                    .getExtensionByUrl(QuickReplies.EXTENSION)
                    .getExtensionByUrl("title")
                    .setValue(new StringType(title + " (changed elsewhere)"));
            assertEquals(200, admin.put("Basic/" + id, meanwhile, null).status());
            browser.click(By.id("save-quick-reply-" + id));
            browser.textAppears(By.id("quick-reply-errors-" + id), "Someone else changed this quick reply");
            browser.scrollTo(By.id("quick-reply-" + id));
            browser.screenshot("admin-quick-reply-changed-meanwhile");
            assertEquals(1, quickReplies(title + " (changed elsewhere)").size(), "not overwritten");

            browser.click(By.id("cancel-quick-reply-" + id));
            browser.textAppears(By.cssSelector("#quick-reply-" + id + " h3"), "(changed elsewhere)");
            browser.click(By.id("edit-quick-reply-" + id));
            browser.type(By.id("quick-reply-title-" + id), title + " (edited)");
            browser.click(By.id("save-quick-reply-" + id));
            browser.textAppears(By.cssSelector("#quick-reply-" + id + " h3"), title + " (edited)");
            assertEquals(1, quickReplies(title + " (edited)").size());
            browser.scrollTo(By.id("quick-replies"));
            browser.screenshot("admin-quick-replies");

            browser.click(By.id("delete-quick-reply-" + id));
            browser.acceptConfirmation();
            browser.textAppears(By.id("quick-replies-status"), "Deleted.");
            browser.gone(By.id("quick-reply-" + id));
            assertEquals(404, admin.get("Basic/" + id).status());
        } finally {
            admin.delete("Basic/" + id);
        }
    }

    @Test
    void anAdminRecordsDrLeesCoverAndAliceSeesTheNoticeInHerInbox(Browsers browsers) {
        Fhir alice = Fhir.as("alice");
        String thread = Threads.start(alice, "alice", "drlee", "Cover in the inbox");
        Threads.send(alice, thread, "A question for Dr Lee");

        Browser browser = browsers.signIn("admin");
        browser.click(By.id("nav-settings"));
        browser.choose(By.id("cover-for"), "Emma Lee");
        // the browser's own time zone, as a person would type it
        String back = LocalDateTime.now()
                .plusDays(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        browser.setValue(By.id("cover-end"), back);
        browser.choose(By.id("cover-by"), "Raj Patel");
        browser.click(By.id("save-cover"));
        browser.textAppears(By.id("cover-status"), "While Emma Lee is away");
        browser.textAppears(By.id("cover-current"), "Raj Patel is covering");
        browser.scrollTo(By.id("cover"));
        browser.screenshot("admin-cover-for-a-practitioner");
        Parameters cover = admin.get("Practitioner/drlee/$cover").as(Parameters.class);
        assertEquals(
                "Practitioner/drpatel", ((Reference) cover.getParameter("cover").getValue()).getReference());

        Browser aliceBrowser = browsers.signIn("alice");
        By notice = By.cssSelector("a[href='#/threads/" + thread + "'] .away-marker");
        aliceBrowser.textAppears(notice, "Raj Patel is covering");
        String text = aliceBrowser.text(notice);
        assertTrue(text.startsWith("Emma Lee is away until "), text);
        aliceBrowser.screenshot("cover-inbox-notice");

        browser.click(By.id("clear-cover"));
        browser.textAppears(By.id("cover-status"), "New messages go to Emma Lee again");
        Extension away = alice.get("Communication/" + thread)
                .as(org.hl7.fhir.r4.model.Communication.class)
                .getExtensionByUrl("https://missive.dev/fhir/StructureDefinition/practitioner-away");
        assertEquals(null, away, "no notice once the absence ended");
    }
}
