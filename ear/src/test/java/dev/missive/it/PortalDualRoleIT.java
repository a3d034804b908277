package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Sam, a nurse who is also a patient, in the portal: he switches between his staff inbox and
 * his patient inbox, each showing its own threads only, and switches his own email
 * notifications in Settings. Screenshots in target/screenshots.
 */
@ExtendWith(Browsers.class)
class PortalDualRoleIT extends MissiveIT {

    private static final By THREADS = By.id("threads");

    @AfterEach
    void samIsNotEmailed() {
        assertEquals(
                200,
                Fhir.as("sam")
                        .post("Practitioner/nursesam/$set-email-notifications", DualRoleIT.enabled(false))
                        .status());
    }

    @Test
    void samSwitchesBetweenHisStaffAndPatientInboxes(Browsers browsers) {
        DualRoleIT.samsThreads("Portal sides");
        Browser sam = browsers.signIn("sam");
        sam.textAppears(THREADS, "Portal sides (nurse)");
        assertFalse(sam.text(THREADS).contains("Portal sides (patient)"), "the staff inbox first");
        assertEquals("Sam Okafor (staff)", sam.text(By.cssSelector("#acting-for option:checked")));
        sam.visible(By.id("nav-settings"));
        sam.screenshot("dual-role-staff-inbox");

        sam.choose(By.id("acting-for"), "Sam Okafor (patient)");
        sam.textAppears(THREADS, "Portal sides (patient)");
        assertFalse(sam.text(THREADS).contains("Portal sides (nurse)"), "the patient inbox alone");
        sam.gone(By.id("nav-settings"));
        sam.visible(By.id("new-message"));
        sam.screenshot("dual-role-patient-inbox");

        sam.click(By.id("new-message"));
        sam.choose(By.id("message-type"), "General question");
        sam.choose(By.id("recipient"), "Raj Patel");
        assertFalse(sam.text(By.id("recipient")).contains("Sam Okafor"), "never himself");
        sam.screenshot("dual-role-recipients");

        sam.open("#/");
        sam.choose(By.id("acting-for"), "Sam Okafor (staff)");
        sam.textAppears(THREADS, "Portal sides (nurse)");
    }

    @Test
    void samSwitchesHisOwnEmailNotificationsInSettings(Browsers browsers) {
        Browser sam = browsers.signIn("sam");
        sam.click(By.id("nav-settings"));
        sam.click(By.id("email-notifications"));
        sam.textAppears(By.id("email-notifications-status"), "You will be emailed about new messages");
        assertTrue(sam.visible(By.id("email-notifications")).isSelected());
        sam.screenshot("email-notifications-on");
        Practitioner stored =
                Fhir.as(Tokens.INTEGRATION).get("Practitioner/nursesam").as(Practitioner.class);
        assertTrue(((BooleanType)
                        stored.getExtensionByUrl("https://missive.dev/fhir/StructureDefinition/email-notifications")
                                .getValue())
                .booleanValue());

        sam.click(By.id("email-notifications"));
        sam.textAppears(By.id("email-notifications-status"), "You will not be emailed");
        assertFalse(sam.visible(By.id("email-notifications")).isSelected());
    }
}
