package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** The first slice of messaging, end to end: thread, message, listing, inbox and email. */
class MessagingIT extends MissiveIT {

    private static final int SEARCHES_A_NODE_HOLDS = 1000;

    @Test
    void patientStartsThreadWritesAndPractitionerReadsIt(GreenMail mail) throws Exception {
        // Other tests of this class sign in as Dr Lee: he must be away from the portal to be emailed.
        Mails.afterStaffActivityWindow(Instant.now());
        Fhir alice = Fhir.as("alice");
        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String drleeId = Directory.idOf(alice, "Practitioner", "drlee");

        String threadId = Threads.start(alice, aliceId, drleeId, "Knee after the run");
        String text = "My left knee has been swollen since Tuesday. " + Instant.now();
        String messageId = Threads.send(alice, threadId, text);

        // Awaited before Dr Lee reads: a practitioner working in the portal is not emailed.
        MimeMessage email = awaitEmailTo(mail, "drlee@example.com", threadId);
        String plain = Mails.part(email, "text/plain");
        assertTrue(plain.contains(System.getProperty("missive.it.portal.url") + "/#/threads/" + threadId), plain);
        assertTrue(Mails.part(email, "text/html").contains("/portal/#/threads/" + threadId));
        String whole = GreenMailUtil.getWholeMessage(email).toLowerCase();
        assertFalse(whole.contains("knee") || whole.contains("swollen"), "no health information in the email");
        assertFalse(whole.contains("emma") || whole.contains("alice"), "no names in the email");
        assertFalse(email.getSubject().contains("Knee"), "no subject line of the thread in the email");
        assertTrue(email.getHeader("Message-ID") != null, "a real Message-ID");

        Fhir drlee = Fhir.as("drlee");
        Fhir.Response listed = drlee.get("Communication?part-of=Communication/" + threadId);
        assertEquals(200, listed.status(), listed::toString);
        Bundle messages = listed.bundle();
        assertEquals(1, messages.getTotal());
        Communication message = (Communication) messages.getEntryFirstRep().getResource();
        assertEquals(messageId, message.getIdElement().getIdPart());
        assertEquals(text, ((StringType) message.getPayloadFirstRep().getContent()).getValue());
        assertEquals("Patient/" + aliceId, message.getSender().getReference());
        assertEquals("Practitioner/" + drleeId, message.getRecipientFirstRep().getReference());

        Bundle withSenders = drlee.get(
                        "Communication?part-of=Communication/" + threadId + "&_include=Communication:sender")
                .bundle();
        assertTrue(
                withSenders.getEntry().stream()
                        .anyMatch(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE
                                && e.getResource().getIdElement().getIdPart().equals(aliceId)),
                "the sender is included");

        Fhir.Response read = drlee.get("Communication/" + messageId);
        assertEquals(200, read.status(), read::toString);
        assertEquals(
                "Communication/" + threadId,
                read.as(Communication.class).getPartOfFirstRep().getReference());

        Communication header = drlee.get("Communication/" + threadId).as(Communication.class);
        assertEquals("Knee after the run", header.getTopic().getText());
        assertEquals(1, unread(header), "the practitioner has one unread message");
    }

    /**
     * A node holds the latest 1,000 searches: a next link of one it let go is answered from the
     * search's record in the database, run again for the caller, as a node of a cluster that never
     * held it answers it.
     */
    @Test
    void aNextLinkOutlivesTheSearchesTheNodeHolds() {
        Fhir chloe = Fhir.as("chloe");
        String chloeId = Directory.idOf(chloe, "Patient", "chloe");
        String drleeId = Directory.idOf(chloe, "Practitioner", "drlee");
        Threads.start(chloe, chloeId, drleeId, "Older");
        Threads.start(chloe, chloeId, drleeId, "Newer");
        String search = "Communication?part-of:missing=true&_count=1";
        String next = chloe.get(search).bundle().getLink(Bundle.LINK_NEXT).getUrl();
        String secondThread = firstId(chloe.get(next));

        IntStream.range(0, SEARCHES_A_NODE_HOLDS)
                .parallel()
                .forEach(i -> assertEquals(200, chloe.get(search).status()));

        Fhir.Response again = chloe.get(next);
        assertEquals(200, again.status(), again::toString);
        assertEquals(secondThread, firstId(again), "the same page, from the search run again");
        assertEquals(410, Fhir.as("drlee").get(next).status(), "still the searcher's alone");
    }

    private static String firstId(Fhir.Response page) {
        return page.bundle().getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    @Test
    void inboxListsTheNewestThreadFirstAndPagesStablyWhileMessagesArrive() {
        Fhir chloe = Fhir.as("chloe");
        String chloeId = Directory.idOf(chloe, "Patient", "chloe");
        String drleeId = Directory.idOf(chloe, "Practitioner", "drlee");
        String oldest = Threads.start(chloe, chloeId, drleeId, "Oldest");
        String middle = Threads.start(chloe, chloeId, drleeId, "Middle");
        String newest = Threads.start(chloe, chloeId, drleeId, "Newest");

        Fhir.Response inbox = chloe.get("Communication?part-of:missing=true&_count=1");
        assertEquals(200, inbox.status(), inbox::toString);
        Bundle page = inbox.bundle();
        assertEquals(
                newest, page.getEntryFirstRep().getResource().getIdElement().getIdPart());
        assertTrue(page.getTotal() >= 3);
        assertTrue(page.getLink(Bundle.LINK_NEXT) != null, "paged: a next link");

        Threads.send(chloe, oldest, "This moves the oldest thread to the top");
        Fhir.Response next = chloe.get(page.getLink(Bundle.LINK_NEXT).getUrl());
        assertEquals(200, next.status(), next::toString);
        assertEquals(
                middle,
                next.bundle().getEntryFirstRep().getResource().getIdElement().getIdPart(),
                "the next page continues after the last thread shown");
        assertEquals(
                oldest,
                chloe.get("Communication?part-of:missing=true&_count=1")
                        .bundle()
                        .getEntryFirstRep()
                        .getResource()
                        .getIdElement()
                        .getIdPart(),
                "a new search shows it on top");
    }

    @Test
    void concurrentWritersToOneThreadTakeTurnsAndNoneFails() throws Exception {
        Fhir alice = Fhir.as("alice");
        Fhir drlee = Fhir.as("drlee");
        String threadId = Threads.start(alice, Threads.header("alice", "drlee", "Busy thread"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Fhir writer = i % 2 == 0 ? alice : drlee;
                String text = "Concurrent " + i;
                writes.add(pool.submit(() -> writer.post("Communication", Threads.message(threadId, text))
                        .status()));
                writes.add(pool.submit(() -> writer.postEmpty("Communication/" + threadId + "/$mark-read")
                        .status()));
            }
            for (java.util.concurrent.Future<Integer> write : writes) {
                int status = write.get();
                assertTrue(status == 200 || status == 201, "status " + status);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(
                16,
                alice.get("Communication?part-of=Communication/" + threadId)
                        .bundle()
                        .getTotal());
    }

    @Test
    void onlyParticipantsSeeAThread() {
        Fhir alice = Fhir.as("alice");
        String aliceId = Directory.idOf(alice, "Patient", "alice");
        String drleeId = Directory.idOf(alice, "Practitioner", "drlee");
        String threadId = Threads.start(alice, aliceId, drleeId, "Private");
        String messageId = Threads.send(alice, threadId, "Only for Dr Lee");

        for (String outsider : List.of("chloe", "drpatel")) {
            Fhir client = Fhir.as(outsider);
            assertEquals(404, client.get("Communication/" + threadId).status(), outsider + " reads the thread");
            assertEquals(404, client.get("Communication/" + messageId).status(), outsider + " reads the message");
            assertEquals(
                    404,
                    client.get("Communication?part-of=Communication/" + threadId)
                            .status(),
                    outsider + " lists the thread");
            Fhir.Response refused = client.post("Communication", Threads.message(threadId, "Let me in"));
            assertEquals(404, refused.status(), outsider + " writes into the thread");
            Bundle inbox =
                    client.get("Communication?part-of:missing=true&_count=100").bundle();
            assertTrue(inbox.getEntry().stream()
                    .noneMatch(e -> e.getResource().getIdElement().getIdPart().equals(threadId)));
        }
        assertEquals(
                1,
                Fhir.as("alice")
                        .get("Communication?part-of=Communication/" + threadId)
                        .bundle()
                        .getTotal(),
                "nothing was written by the refused attempts");
    }

    @Test
    void aTransactionStartsTheThreadAndSendsTheFirstMessageTogetherOrNotAtAll() {
        Fhir alice = Fhir.as("alice");
        long before = alice.get("Communication?part-of:missing=true&_summary=count")
                .bundle()
                .getTotal();

        Bundle bad = transaction(Threads.message("urn:uuid:header", " "));
        assertEquals(400, alice.post("", bad).status());
        assertEquals(
                before,
                alice.get("Communication?part-of:missing=true&_summary=count")
                        .bundle()
                        .getTotal(),
                "the header of a refused transaction is not kept");
        Fhir.Response posing = alice.post(
                "",
                transaction(Threads.message("urn:uuid:header", "Signed, Dr Lee")
                        .setSender(new Reference("Practitioner/drlee"))));
        assertEquals(422, posing.status(), posing::toString);
        assertEquals(
                "sender-not-caller",
                posing.outcome()
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
        assertEquals(
                before,
                alice.get("Communication?part-of:missing=true&_summary=count")
                        .bundle()
                        .getTotal(),
                "nor when its message names another sender");

        Fhir.Response response = alice.post("", transaction(Threads.message("urn:uuid:header", "Both or nothing")));
        assertEquals(200, response.status(), response::toString);
        Bundle result = response.bundle();
        assertEquals(2, result.getEntry().size());
        String threadId = result.getEntry().get(0).getResource().getIdElement().getIdPart();
        Communication message = (Communication) result.getEntry().get(1).getResource();
        assertEquals("Communication/" + threadId, message.getPartOfFirstRep().getReference());
        assertEquals(
                1,
                Fhir.as("drlee")
                        .get("Communication?part-of=Communication/" + threadId)
                        .bundle()
                        .getTotal());
    }

    private static Bundle transaction(Communication message) {
        message.getPartOfFirstRep().setReference("urn:uuid:header");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry()
                .setFullUrl("urn:uuid:header")
                .setResource(Threads.header("alice", "drlee", "Together"))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        bundle.addEntry()
                .setFullUrl("urn:uuid:message")
                .setResource(message)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication");
        return bundle;
    }

    private static int unread(Communication header) {
        Extension state = header.getExtensionByUrl("https://missive.dev/fhir/StructureDefinition/participant-state");
        return ((IntegerType) state.getExtensionByUrl("unread").getValue()).getValue();
    }

    private static MimeMessage awaitEmailTo(GreenMail mail, String address, String threadId) {
        return Mails.await(
                        mail,
                        m -> Mails.addressedTo(m, address)
                                && Mails.part(m, "text/plain").contains(threadId))
                .orElseThrow(() -> new AssertionError("No email to " + address + " about thread " + threadId));
    }

    @Test
    void twoTabsEditingOneDraftCannotOverwriteEachOther() {
        Fhir alice = Fhir.as("alice");
        String threadId = Threads.start(
                alice,
                Directory.idOf(alice, "Patient", "alice"),
                Directory.idOf(alice, "Practitioner", "drlee"),
                "Two tabs");
        Communication draft = Threads.message(threadId, "First words");
        draft.setStatus(Communication.CommunicationStatus.PREPARATION);
        Fhir.Response saved = alice.post("Communication", draft);
        assertEquals(201, saved.status(), saved::toString);
        String id = saved.as(Communication.class).getIdElement().getIdPart();
        String seen = saved.etag();

        draft.setId(id);
        draft.getPayloadFirstRep().setContent(new StringType("Tab one"));
        assertEquals(200, alice.put("Communication/" + id, draft, seen).status());
        draft.getPayloadFirstRep().setContent(new StringType("Tab two"));
        Fhir.Response stale = alice.put("Communication/" + id, draft, seen);
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(
                "Tab one",
                ((StringType) alice.get("Communication/" + id)
                                .as(Communication.class)
                                .getPayloadFirstRep()
                                .getContent())
                        .getValue());
    }
}
