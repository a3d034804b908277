package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * Email notifications against the real SMTP server: who is emailed, what the email says, and
 * delivery through a relay outage and the dead-letter queue. The suite runs WildFly with a 3 s
 * staff activity window and 5 attempts from 200 ms (see the failsafe environment).
 */
class NotificationsIT extends MissiveIT {

    private static final String DO_NOT_EMAIL = "https://missive.dev/fhir/StructureDefinition/do-not-email";
    private static final String EMAIL_NOTIFICATIONS =
            "https://missive.dev/fhir/StructureDefinition/email-notifications";

    /** The suite's WildFly, through its management API: how many notification requests it holds. */
    @ArquillianResource
    private ManagementClient management;

    @Test
    void aDoNotEmailPatientGetsNothingAndAnEmailCarriesTheLinkButNoHealthInformation(GreenMail mail) throws Exception {
        Fhir engine = Fhir.as(Tokens.INTEGRATION);
        Fhir drlee = Fhir.as("drlee");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String thread = Threads.start(drlee, Threads.header("chloe", "drlee", "Biopsy " + suffix));
        Patient chloe = engine.get("Patient/chloe").as(Patient.class);
        try {
            assertEquals(
                    200,
                    engine.put("Patient/chloe", doNotEmail(chloe, true), null).status());
            Threads.send(drlee, thread, "Your biopsy result " + suffix);

            MimeMessage email = Mails.await(
                            mail,
                            m -> Mails.addressedTo(m, "gina@example.com")
                                    && Mails.part(m, "text/plain").contains(thread))
                    .orElseThrow();
            String link = System.getProperty("missive.it.portal.url") + "/#/threads/" + thread;
            assertTrue(Mails.part(email, "text/plain").contains(link), "the plain part links to the thread");
            assertTrue(Mails.part(email, "text/html").contains(link), "the HTML part links to the thread");
            String whole = GreenMailUtil.getWholeMessage(email).toLowerCase();
            assertFalse(whole.contains("biopsy"), "neither the subject nor the text of the thread");
            assertFalse(whole.contains("emma") || whole.contains("chloe"), "no names");

            awaitEveryRequestHandled(mail);
            assertEquals(0, count(mail, "chloe@example.com", thread), "do-not-email; her proxy was told");
        } finally {
            assertEquals(
                    200,
                    engine.put("Patient/chloe", doNotEmail(chloe, false), null).status());
        }
    }

    @Test
    void aProxyIsEmailedForOpenThreadsOnlyAndARefusedMessageEmailsNobody(GreenMail mail) throws Exception {
        Fhir drlee = Fhir.as("drlee");
        Communication header = Threads.header("ben", "drlee", "Inhaler");
        header.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);
        String confidential = Threads.start(drlee, header);
        String open = Threads.start(drlee, Threads.header("ben", "drlee", "Inhaler"));
        Threads.send(drlee, confidential, "Between us");
        Threads.send(drlee, open, "For Ben and his guardian");

        awaitCount(mail, "gina@example.com", open, 1);
        awaitCount(mail, "ben@example.com", open, 1);
        awaitCount(mail, "ben@example.com", confidential, 1);

        assertEquals(200, drlee.postEmpty("Communication/" + open + "/$close").status());
        assertEquals(
                422,
                drlee.post("Communication", Threads.message(open, "Too late")).status());
        awaitEveryRequestHandled(mail);
        assertEquals(0, count(mail, "gina@example.com", confidential), "a proxy is not told of a confidential thread");
        assertEquals(1, count(mail, "gina@example.com", open), "the refused message queued nothing");
        assertEquals(1, count(mail, "ben@example.com", open), "the refused message queued nothing");
    }

    @Test
    void aPractitionerIsEmailedOnlyWhenOptedInAndNotWorkingInThePortal(GreenMail mail) throws Exception {
        Fhir alice = Fhir.as("alice");
        Fhir drpatel = Fhir.as("drpatel");
        Fhir engine = Fhir.as(Tokens.INTEGRATION);
        String thread = Threads.start(drpatel, Threads.header("alice", "drpatel", "Dosage"));
        Instant lastActive = Instant.now();
        Threads.send(alice, thread, "While he is signed in");
        // Handled while he is still active and before he opts out: this message meets the activity rule alone.
        awaitEveryRequestHandled(mail);
        assertEquals(0, count(mail, "drpatel@example.com", thread), "working in the portal: no email");

        Practitioner practitioner = engine.get("Practitioner/drpatel").as(Practitioner.class);
        try {
            assertEquals(
                    200,
                    engine.put("Practitioner/drpatel", emailNotifications(practitioner, false), null)
                            .status());
            Mails.afterStaffActivityWindow(lastActive);
            Threads.send(alice, thread, "While he opted out");
            // Handled before he opts in again: recipients are decided when a request is delivered.
            awaitEveryRequestHandled(mail);
            assertEquals(0, count(mail, "drpatel@example.com", thread), "away, but opted out: no email");
        } finally {
            assertEquals(
                    200,
                    engine.put("Practitioner/drpatel", emailNotifications(practitioner, true), null)
                            .status());
        }
        Threads.send(alice, thread, "Opted in and away");
        awaitCount(mail, "drpatel@example.com", thread, 1);
    }

    @Test
    void emailsSentWhileTheRelayIsDownArriveOnceEachWhenItIsBack(GreenMail mail) throws Exception {
        Fhir drlee = Fhir.as("drlee");
        String thread = Threads.start(drlee, Threads.header("ben", "drlee", "Outage"));
        mail.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Threads.send(drlee, thread, "During the outage " + i);
            }
            // The relay is back only once every request (three each for Ben and Gina) was refused
            // and waits for its retry: the outage was met, not missed.
            long retrying = poll(() -> notificationQueue("scheduled-count"), n -> n == 6);
            assertEquals(6, retrying, "requests waiting for a retry");
        } finally {
            mail.start();
        }
        awaitEveryRequestHandled(mail);
        assertEquals(3, count(mail, "ben@example.com", thread), "each message once");
        assertEquals(3, count(mail, "gina@example.com", thread), "each message once");
    }

    @Test
    void aRequestThatFailsEveryAttemptIsDeadLetteredListedForAdminsAndReplayedOnce(GreenMail mail) throws Exception {
        Fhir drlee = Fhir.as("drlee");
        Fhir admin = Fhir.as("admin");
        String thread = Threads.start(drlee, Threads.header("ben", "drlee", "Dead letter"));
        String message;
        mail.stop();
        try {
            message = Threads.send(drlee, thread, "Nobody can be told");
            List<Parameters.ParametersParameterComponent> listed =
                    poll(() -> deadLettersOf(admin, message), letters -> letters.size() == 2);
            assertEquals(2, listed.size(), "Ben and Gina, each after every attempt");
            Parameters.ParametersParameterComponent ben = listed.stream()
                    .filter(l -> ((Reference) l.getPart().get(2).getValue())
                            .getReference()
                            .equals("Patient/ben"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    "Communication/" + thread, ((Reference) ben.getPart().get(1).getValue()).getReference());
            assertEquals(5, ((IntegerType) ben.getPart().get(3).getValue()).getValue());
            assertFalse(admin.get("$notification-dead-letters").body().contains("@"), "no address");
            assertEquals(403, Fhir.as("alice").get("$notification-dead-letters").status());
            assertEquals(403, drlee.postEmpty("$replay-notifications").status());
        } finally {
            mail.start();
        }
        Fhir.Response replayed = admin.postEmpty("$replay-notifications");
        assertEquals(200, replayed.status(), replayed::toString);
        assertTrue(((IntegerType) replayed.as(Parameters.class)
                                .getParameter("replayed")
                                .getValue())
                        .getValue()
                >= 2);
        assertTrue(deadLettersOf(admin, message).isEmpty(), "replayed requests leave the dead-letter queue");
        awaitEveryRequestHandled(mail);
        assertEquals(1, count(mail, "ben@example.com", thread), "replayed once");
        assertEquals(1, count(mail, "gina@example.com", thread), "replayed once");
    }

    private static Patient doNotEmail(Patient patient, boolean on) {
        patient.getExtension().removeIf(e -> e.getUrl().equals(DO_NOT_EMAIL));
        patient.addExtension(DO_NOT_EMAIL, new BooleanType(on));
        patient.setMeta(null);
        return patient;
    }

    private static Practitioner emailNotifications(Practitioner practitioner, boolean on) {
        practitioner.getExtensionByUrl(EMAIL_NOTIFICATIONS).setValue(new BooleanType(on));
        practitioner.setMeta(null);
        return practitioner;
    }

    private static List<Parameters.ParametersParameterComponent> deadLettersOf(Fhir admin, String messageId) {
        Fhir.Response listed = admin.get("$notification-dead-letters");
        assertEquals(200, listed.status(), listed::toString);
        return listed.as(Parameters.class).getParameter().stream()
                .filter(p -> p.getName().equals("dead-letter"))
                .filter(p -> ((Reference) p.getPart().get(0).getValue())
                        .getReference()
                        .equals("Communication/" + messageId))
                .toList();
    }

    /**
     * Waits until every notification request made so far has been handled, so that the emails
     * counted afterwards are all there will ever be: absence is shown, not guessed from a quiet
     * interval that a slow delivery outlasts. First a sentinel, a message to Ben in a thread of
     * its own, requested after the earlier requests were committed. Artemis adds a request to the
     * queue before it confirms the commit and hands requests out in the order they were added, so
     * once the sentinel's email is here every earlier request has been handed out too. Several
     * listener instances take requests at once, so an earlier one may still be in hand or waiting
     * for a retry; then the queue's message count has to reach zero, and it counts a request until
     * its transaction commits, after the SMTP server accepted any email it sent (or until it is
     * dead-lettered).
     */
    private void awaitEveryRequestHandled(GreenMail mail) {
        Fhir drlee = Fhir.as("drlee");
        String sentinel = Threads.start(drlee, Threads.header("ben", "drlee", "Sentinel"));
        Threads.send(drlee, sentinel, "Sentinel");
        // Its first copy will do: whether emails are doubled is for the tests' own counts to judge.
        assertTrue(
                Mails.await(
                                mail,
                                m -> Mails.addressedTo(m, "ben@example.com")
                                        && Mails.part(m, "text/plain").contains(sentinel))
                        .isPresent(),
                "the sentinel's email");
        long queued = poll(() -> notificationQueue("message-count"), n -> n == 0);
        assertEquals(0, queued, "notification requests still queued");
    }

    /** A runtime attribute of the notification queue, such as how many requests it holds. */
    private long notificationQueue(String attribute) {
        ModelNode queue = Operations.createAddress(
                "subsystem", "messaging-activemq", "server", "default", "jms-queue", "MissiveNotifications");
        try {
            ModelNode result =
                    management.getControllerClient().execute(Operations.createReadAttributeOperation(queue, attribute));
            assertTrue(Operations.isSuccessfulOutcome(result), result::toString);
            return Operations.readResult(result).asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Emails to that address that link to that thread. */
    private static long count(GreenMail mail, String address, String threadId) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> Mails.addressedTo(m, address)
                        && Mails.part(m, "text/plain").contains(threadId))
                .count();
    }

    private static void awaitCount(GreenMail mail, String address, String threadId, long expected) {
        long seen = poll(() -> count(mail, address, threadId), n -> n >= expected);
        assertEquals(expected, seen, () -> "emails to " + address + " about thread " + threadId);
    }

    private static <T> T poll(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(30);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = read.get();
        }
        return value;
    }
}
