package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Cover while away in the portal: Dr Lee records his cover in his settings, and Alice sees the
 * notice when she chooses him as the recipient and in the thread. Screenshots in target/screenshots.
 */
@ExtendWith(Browsers.class)
class PortalCoverIT extends MissiveIT {

    @AfterEach
    void drLeeIsBack() {
        assertEquals(
                200,
                Fhir.as("drlee").postEmpty("Practitioner/drlee/$clear-cover").status());
    }

    @Test
    void drLeeSetsHisCoverAndAliceSeesTheNoticeWhenChoosingHimAndInTheThread(Browsers browsers) {
        Browser drlee = browsers.signIn("drlee");
        drlee.click(By.id("nav-settings"));
        // the browser's own time zone, as a person would type it
        String back = LocalDateTime.now()
                .plusDays(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        drlee.setValue(By.id("cover-end"), back);
        drlee.choose(By.id("cover-by"), "Raj Patel");
        drlee.click(By.id("save-cover"));
        drlee.textAppears(By.id("cover-current"), "Raj Patel is covering");
        drlee.visible(By.id("clear-cover"));
        drlee.scrollTo(By.id("cover"));
        drlee.screenshot("cover-settings");

        Browser alice = browsers.signIn("alice");
        alice.click(By.id("new-message"));
        alice.choose(By.id("message-type"), "General question");
        alice.choose(By.id("recipient"), "Emma Lee");
        alice.textAppears(By.id("recipient-away"), "Raj Patel is covering");
        String notice = alice.text(By.id("recipient-away"));
        assertTrue(notice.startsWith("Emma Lee is away until "), notice);
        alice.screenshot("cover-recipient-notice");

        alice.choose(By.id("regarding"), "Knee rehabilitation");
        alice.type(By.id("subject"), "Cover question");
        alice.type(By.id("message-text"), "Is the brace still needed?");
        alice.click(By.id("send"));
        alice.textAppears(By.id("away-notice"), "Raj Patel is covering");
        alice.screenshot("cover-thread-notice");
    }
}
