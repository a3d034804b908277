package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Team pools in the portal: Alice writes to "Clinic nurses (team)" and sees the team's name;
 * Dr Patel finds the thread in his team inbox and claims it; Dr Lee, also a member, sees who
 * holds it and cannot claim it. Screenshots in target/screenshots.
 */
@ExtendWith(Browsers.class)
class PortalPoolsIT extends MissiveIT {

    @Test
    void aliceWritesToTheTeamDrPatelClaimsItFromTheTeamInboxAndDrLeeSeesWhoHoldsIt(Browsers browsers) {
        String subject = "Team refill " + UUID.randomUUID().toString().substring(0, 8);
        Browser alice = browsers.signIn("alice");
        alice.click(By.id("new-message"));
        alice.choose(By.id("message-type"), "Medication renewal");
        alice.choose(By.id("recipient"), "Clinic nurses (team)");
        alice.choose(By.id("regarding"), "Knee rehabilitation");
        alice.type(By.id("subject"), subject);
        alice.type(By.id("message-text"), "Could the nurses renew my prescription?");
        alice.screenshot("pool-compose");
        alice.click(By.id("send"));
        alice.textAppears(By.id("thread-subject"), subject);
        alice.textAppears(By.className("thread-head"), "With Clinic nurses");
        alice.screenshot("pool-patient-thread");
        String threadView = alice.evaluate("return location.hash").toString();
        assertTrue(threadView.startsWith("#/threads/"), threadView);

        Browser drpatel = browsers.signIn("drpatel");
        drpatel.choose(By.id("team-filter"), "Team inbox: Clinic nurses");
        drpatel.textAppears(By.id("threads"), subject);
        drpatel.textAppears(By.id("threads"), "Not claimed yet");
        drpatel.screenshot("pool-team-inbox");
        drpatel.open(threadView);
        drpatel.textAppears(By.id("thread-subject"), subject);
        drpatel.click(By.id("claim"));
        drpatel.textAppears(By.id("claimed-by"), "Claimed by me");
        drpatel.visible(By.id("release"));
        drpatel.screenshot("pool-claimed");

        Browser drlee = browsers.signIn("drlee");
        drlee.open(threadView);
        drlee.textAppears(By.id("thread-subject"), subject);
        drlee.textAppears(By.id("claimed-by"), "Claimed by Raj Patel");
        assertEquals(0, drlee.all(By.id("claim")).size(), "held by another member");
        drlee.screenshot("pool-claimed-by-other");
    }
}
