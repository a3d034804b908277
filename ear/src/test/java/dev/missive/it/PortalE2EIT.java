package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.samples.AttachmentSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The reference portal end to end: real Chromium, real Keycloak login page, the built EAR. Each
 * scenario leaves a screenshot of its last page in target/screenshots.
 */
@ExtendWith(Browsers.class)
class PortalE2EIT extends MissiveIT {

    private static final By THREADS = By.id("threads");

    private static By thread(String subject) {
        return By.xpath("//ol[@id='threads']//a[.//span[@class='subject' and text()='" + subject + "']]");
    }

    private static By draft(String subject) {
        return By.xpath("//ol[@id='drafts']//a[.//span[text()='" + subject + "']]");
    }

    private static By messageWithText(String text) {
        return By.xpath("//li[contains(@class,'message')][p[@class='text' and text()='" + text + "']]");
    }

    private static By reply(String text) {
        return By.xpath("//ol[@class='replies']//p[text()='" + text + "']");
    }

    /** A thread Alice started with Dr Lee through the API, with her first message in it; its id. */
    private static String aliceWroteToDrLee(String subject, String text) {
        Fhir alice = Fhir.as("alice");
        String threadId = Threads.start(alice, "alice", "drlee", subject);
        Threads.send(alice, threadId, text);
        return threadId;
    }

    /** Alice signed in, with a general question to Dr Lee about one of her charts written but not sent. */
    private static Browser aliceWritesToDrLee(Browsers browsers, String chart, String subject, String text) {
        Browser alice = browsers.signIn("alice");
        alice.click(By.id("new-message"));
        alice.choose(By.id("message-type"), "General question");
        alice.choose(By.id("recipient"), "Emma Lee");
        alice.choose(By.id("regarding"), chart);
        alice.type(By.id("subject"), subject);
        alice.type(By.id("message-text"), text);
        return alice;
    }

    @Test
    void aliceStartsAThreadWithDrLee(Browsers browsers) {
        Browser alice = aliceWritesToDrLee(
                browsers, "Knee rehabilitation", "Knee brace question", "Should I wear the brace at night?");
        alice.click(By.id("close-compose"));

        alice.click(draft("Knee brace question"));
        assertEquals(
                "Should I wear the brace at night?",
                alice.visible(By.id("message-text")).getAttribute("value"),
                "the draft kept the text");
        alice.click(By.id("send"));

        assertEquals("Knee brace question", alice.text(By.id("thread-subject")));
        alice.visible(messageWithText("Should I wear the brace at night?"));
        assertTrue(alice.text(By.id("non-urgent")).contains("call 911"), "the non-urgent notice with the number");
        alice.visible(By.id("guidelines"));

        alice.click(By.id("nav-messages"));
        alice.click(By.id("drafts-folder"));
        // Other classes leave drafts of Alice's (the fuzzer's): the one she sent is no longer among them.
        alice.visible(By.xpath("//ol[@id='drafts'] | //p[@class='empty' and starts-with(text(), 'No drafts')]"));
        alice.gone(draft("Knee brace question"));
        alice.click(By.id("nav-messages"));
        String row = alice.visible(thread("Knee brace question")).getText();
        assertTrue(row.contains("Me"), row);
        assertTrue(row.contains("Emma Lee"), row);
        alice.screenshot("alice-inbox");
        assertTrue(alice.fitsPhoneWidth(), "the inbox fits a phone's width");
        alice.screenshot("alice-inbox-phone");
    }

    @Test
    void aliceSendsAPdfThatDrLeeDownloadsAndAnExecutableIsRefused(Browsers browsers, @TempDir Path folder)
            throws IOException {
        Path results = Files.write(folder.resolve("results.pdf"), AttachmentSamples.pdf());
        Path program = Files.write(folder.resolve("program.pdf"), AttachmentSamples.elf());
        By chosen = By.cssSelector("#chosen-files li");
        By uploading = By.xpath("//ul[@id='chosen-files']//span[text()='Uploading…']");

        Browser alice =
                aliceWritesToDrLee(browsers, "Diabetes care", "Lab results attached", "Here are my lab results.");
        alice.attach(By.id("attach-files"), program);
        alice.textAppears(
                By.cssSelector("#chosen-files .error"),
                "program.pdf could not be attached. This file type cannot be sent.");
        alice.scrollTo(By.cssSelector("#chosen-files .error"));
        alice.screenshot("attachment-refused");
        alice.click(By.cssSelector("#chosen-files .remove-file"));
        alice.gone(chosen);
        alice.attach(By.id("attach-files"), results);
        alice.textAppears(By.cssSelector("#chosen-files .file-name"), "results.pdf");
        alice.gone(uploading);
        alice.click(By.id("close-compose"));
        alice.click(draft("Lab results attached"));
        alice.textAppears(By.cssSelector("#chosen-files .file-name"), "results.pdf"); // the draft kept it
        alice.click(By.id("send"));
        alice.visible(messageWithText("Here are my lab results."));
        alice.textAppears(By.cssSelector(".message .attachments"), "results.pdf");

        Browser drlee = browsers.signIn("drlee");
        drlee.click(thread("Lab results attached"));
        String listed = drlee.text(By.cssSelector(".message .attachments li"));
        assertTrue(listed.startsWith("results.pdf") && listed.contains("PDF"), listed);
        drlee.click(By.cssSelector(".message .attachments .download"));
        assertArrayEquals(AttachmentSamples.pdf(), drlee.downloaded("results.pdf"), "the bytes Alice sent");
        drlee.screenshot("attachment-thread");
    }

    @Test
    void drLeeSeesTheUnreadBadgeOpensTheThreadAndRepliesAndAliceSeesTheReceipt(Browsers browsers) {
        String threadId = aliceWroteToDrLee("Blood sugar readings", "My readings were high this week.");

        Browser drlee = browsers.signIn("drlee");
        drlee.visible(By.id("unread-badge"));
        assertTrue(Integer.parseInt(drlee.text(By.id("unread-badge"))) >= 1);
        drlee.visible(THREADS);
        drlee.click(thread("Blood sugar readings"));
        drlee.visible(messageWithText("My readings were high this week."));
        drlee.click(By.cssSelector(".message .reply-to"));
        drlee.type(By.id("reply-text"), "Please send me the numbers from the last three days.");
        drlee.click(By.id("send-reply"));
        drlee.visible(reply("Please send me the numbers from the last three days."));
        drlee.screenshot("drlee-thread");

        Browser alice = browsers.signIn("alice");
        alice.open("#/threads/" + threadId);
        String mine = alice.text(messageWithText("My readings were high this week."));
        assertTrue(mine.contains("Read "), "the read receipt: " + mine);
        alice.visible(reply("Please send me the numbers from the last three days."));
        alice.screenshot("thread");
    }

    @Test
    void aliceEditsAnOpenThreadAndDrLeeKeepsOnlyWhatHeHad(Browsers browsers) {
        String threadId = aliceWroteToDrLee("Knee question", "Does the swelling matter?");

        Browser alice = browsers.signIn("alice");
        alice.open("#/threads/" + threadId);
        alice.visible(messageWithText("Does the swelling matter?"));
        alice.click(By.id("edit-thread"));
        alice.choose(By.id("edit-recipient"), "Raj Patel");
        alice.click(By.id("edit-billing-consent"));
        alice.screenshot("thread-edit-form");
        alice.type(By.id("edit-subject"), "Knee swelling");
        alice.click(By.id("save-details"));
        alice.textAppears(By.id("thread-subject"), "Knee swelling");
        String line = alice.text(By.cssSelector(".messages .event"));
        assertTrue(line.startsWith("Subject and recipient changed by Alice Moreau, "), line);
        assertTrue(alice.text(By.cssSelector(".thread-head .meta")).contains("With Raj Patel"));
        alice.type(By.id("reply-text"), "Dr Patel, the swelling is worse today.");
        alice.click(By.id("send-reply"));
        alice.visible(messageWithText("Dr Patel, the swelling is worse today."));
        alice.screenshot("thread-edited");

        Browser drlee = browsers.signIn("drlee");
        drlee.open("#/threads/" + threadId);
        drlee.visible(messageWithText("Does the swelling matter?"));
        drlee.textAppears(By.id("left-notice"), "This conversation moved to another practitioner");
        assertTrue(
                drlee.all(messageWithText("Dr Patel, the swelling is worse today."))
                        .isEmpty(),
                "nothing new");
        assertTrue(drlee.all(By.id("reply-text")).isEmpty(), "no reply box");
        assertTrue(drlee.all(By.id("edit-thread")).isEmpty(), "staff do not edit");
        drlee.screenshot("thread-moved-away");
    }

    @Test
    void aliceRetractsAMessageWithinTheWindow(Browsers browsers) {
        String threadId = aliceWroteToDrLee("Wrong clinic", "Sent to the wrong clinic, sorry");

        Browser alice = browsers.signIn("alice");
        alice.open("#/threads/" + threadId);
        alice.visible(messageWithText("Sent to the wrong clinic, sorry"));
        alice.click(By.cssSelector(".message .retract"));
        alice.acceptConfirmation();
        alice.textAppears(By.cssSelector(".message .retracted-text"), "This message was retracted");
        assertTrue(alice.all(By.cssSelector(".message .retract")).isEmpty(), "no retract button on a tombstone");
        alice.screenshot("retracted");
        alice.click(By.id("sign-out"));
        alice.textAppears(By.tagName("h1"), "You have signed out");
        Communication message = (Communication) Fhir.as("alice")
                .get("Communication?part-of=Communication/" + threadId)
                .bundle()
                .getEntryFirstRep()
                .getResource();
        assertEquals(Communication.CommunicationStatus.ENTEREDINERROR, message.getStatus(), "retracted on the server");
    }

    @Test
    void ginaSwitchesBetweenBenAndChloeAndNeverSeesBensConfidentialThread(Browsers browsers) {
        Fhir ben = Fhir.as("ben");
        Communication secret = Threads.header("ben", "drlee", "Between Ben and Dr Lee");
        secret.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted");
        Threads.send(ben, Threads.start(ben, secret), "Please do not tell my guardian");
        Threads.send(ben, Threads.start(ben, "ben", "drlee", "Inhaler refill for Ben"), "Running low");
        Fhir chloe = Fhir.as("chloe");
        Threads.send(chloe, Threads.start(chloe, "chloe", "drlee", "Sore throat for Chloe"), "Since Monday");

        Browser gina = browsers.signIn("gina");
        gina.choose(By.id("acting-for"), "Ben Moreau");
        gina.textAppears(By.tagName("h1"), "Messages for Ben Moreau");
        gina.visible(thread("Inhaler refill for Ben"));
        assertTrue(gina.all(thread("Between Ben and Dr Lee")).isEmpty(), "confidential: not in Ben's list");
        assertTrue(gina.all(thread("Sore throat for Chloe")).isEmpty(), "Chloe's thread is not in Ben's list");
        gina.type(By.id("search"), "Between Ben");
        gina.visible(By.id("no-threads"));

        gina.choose(By.id("acting-for"), "Chloe Moreau");
        gina.textAppears(By.tagName("h1"), "Messages for Chloe Moreau");
        gina.visible(thread("Sore throat for Chloe"));
        assertTrue(gina.all(thread("Inhaler refill for Ben")).isEmpty(), "Ben's thread is not in Chloe's list");
        gina.click(By.id("new-message"));
        gina.visible(By.id("message-text"));
        assertTrue(gina.all(By.id("confidential")).isEmpty(), "no confidential toggle for a proxy");
        gina.open("");
        gina.visible(thread("Sore throat for Chloe"));
        gina.screenshot("gina-inbox");
    }

    /** The clinic admin, signed in, has unticked one of the policy's checkboxes and saved it. */
    private static Browser adminSwitchesOff(Browsers browsers, String setting) {
        Browser admin = browsers.signIn("admin");
        admin.click(By.id("nav-settings"));
        admin.click(By.id(setting));
        assertFalse(admin.visible(By.id(setting)).isSelected());
        admin.click(By.id("save-settings"));
        admin.textAppears(By.id("settings-status"), "Saved");
        return admin;
    }

    @Test
    void anAdminSwitchesMessagingOffAndAPatientIsToldSo(Browsers browsers) throws IOException {
        try {
            adminSwitchesOff(browsers, "messaging-enabled").screenshot("admin-settings");

            Browser alice = browsers.signIn("alice");
            alice.textAppears(By.id("cannot-start"), "Messaging is switched off by the clinic");
            assertEquals("true", alice.visible(By.id("new-message")).getAttribute("aria-disabled"));
            alice.screenshot("messaging-off");
        } finally {
            restoreClinicPolicy();
        }
    }

    @Test
    void anAdminSwitchesAttachmentsOffAndAPatientIsToldSo(Browsers browsers) throws IOException {
        try {
            adminSwitchesOff(browsers, "attachments-allowed");
            Browser alice = browsers.signIn("alice");
            alice.click(By.id("new-message"));
            alice.textAppears(By.id("attachments-off"), "The clinic does not accept attachments.");
            assertTrue(alice.all(By.id("attach-files")).isEmpty(), "no file input");
        } finally {
            restoreClinicPolicy();
        }
    }

    @Test
    void aSignInWhileKeycloakDoesNotAnswerShowsAClearPageAndWorksOnceItDoes(Browsers browsers) {
        Browser alice = browsers.signedOut();
        alice.unreachable(System.getProperty("missive.it.keycloak"));
        alice.open("");
        assertTrue(
                alice.text(By.id("sign-in-unavailable")).contains("the clinic's sign-in service is not answering"),
                "the portal says why, instead of the browser's error page");
        alice.screenshot("sign-in-unavailable");

        alice.unreachable();
        alice.click(By.xpath("//section[@id='sign-in-unavailable']//button[text()='Try again']"));
        alice.visible(By.id("username"));
    }

    private static void restoreClinicPolicy() throws IOException {
        Path clinic = Path.of(System.getProperty("missive.demo.dir"), "90-Organization-clinic.json");
        Fhir.Response restored = Fhir.as("admin").putRaw("Organization/clinic", Files.readString(clinic));
        assertEquals(200, restored.status(), restored::toString);
    }
}
