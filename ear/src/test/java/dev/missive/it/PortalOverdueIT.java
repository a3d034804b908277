package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The overdue marker in a practitioner's inbox, in a real Chromium: a thread past the clinic's
 * response time is marked, the "Overdue only" filter narrows the inbox to such threads, and the
 * patient sees no marker. The screenshot is target/screenshots/overdue-inbox.png.
 */
@ExtendWith(Browsers.class)
class PortalOverdueIT extends MissiveIT {

    private static By row(String subject) {
        return By.xpath("//ol[@id='threads']/li[.//span[@class='subject' and text()='" + subject + "']]");
    }

    @Test
    void drLeeSeesTheOverdueThreadMarkedAndFiltersHisInboxToIt(Browsers browsers) {
        Fhir alice = Fhir.as("alice");
        String late;
        int before = ResponseTimesIT.responseTime(0);
        try {
            late = Threads.start(alice, "alice", "drlee", "Overdue in the portal");
            Threads.send(alice, late, "Waiting for an answer");
        } finally {
            ResponseTimesIT.responseTime(before);
        }
        String onTime = Threads.start(alice, "alice", "drlee", "Within the response time");
        Threads.send(alice, onTime, "Asked just now");

        try (Browser drlee = browsers.signIn("drlee")) {
            drlee.visible(row("Within the response time"));
            String marker = drlee.text(
                    By.xpath("//ol[@id='threads']/li[contains(@class,'overdue')]//span[@class='overdue-marker']"));
            assertTrue(marker.startsWith("Overdue"), marker);
            drlee.visible(By.xpath(
                    "//ol[@id='threads']/li[contains(@class,'overdue')]//span[text()='Overdue in the portal']"));
            assertFalse(
                    drlee.visible(row("Within the response time"))
                            .getAttribute("class")
                            .contains("overdue"),
                    "a thread within its time is not marked");

            drlee.click(By.id("overdue-only"));
            drlee.gone(row("Within the response time"));
            drlee.visible(row("Overdue in the portal"));
            drlee.screenshot("overdue-inbox");
        }
        try (Browser patient = browsers.signIn("alice")) {
            patient.visible(row("Overdue in the portal"));
            assertTrue(patient.all(By.className("overdue-marker")).isEmpty(), "the patient sees no marker");
            assertTrue(patient.all(By.id("overdue-only")).isEmpty(), "nor the filter");
        }
    }
}
