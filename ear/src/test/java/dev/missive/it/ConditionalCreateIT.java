package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

/** A client that times out and sends again never makes a second message. */
class ConditionalCreateIT extends MissiveIT {

    private static final String SYSTEM = "https://ehr.example.org/message";

    @Test
    void aRetriedCreateAnswersWithTheFirstAndWritesNothing() {
        Fhir alice = Fhir.as("alice");
        String threadId = newThread(alice, "Retries");
        String value = UUID.randomUUID().toString();
        Communication message = identified(Threads.message(threadId, "Sent once, whatever the network does"), value);
        String condition = "identifier=" + SYSTEM + "|" + value;

        Fhir.Response first = alice.postIfNoneExist("Communication", message, condition);
        assertEquals(201, first.status(), first::toString);
        assertEquals(
                value,
                first.as(Communication.class).getIdentifierFirstRep().getValue(),
                "the answer shows the identifier given");
        Fhir.Response retry = alice.postIfNoneExist("Communication", message, condition);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(idOf(first), idOf(retry));
        assertEquals(1, messagesIn(alice, threadId));

        Fhir.Response plainAgain = alice.post("Communication", message);
        assertEquals(409, plainAgain.status(), "an identifier names one message: " + plainAgain);
        assertEquals(1, messagesIn(alice, threadId));

        assertEquals(
                404,
                Fhir.as("chloe")
                        .postIfNoneExist("Communication", message, condition)
                        .status(),
                "Alice's identifier matches nothing of Chloe's, and Alice's thread is not hers");
    }

    @Test
    void twoRacingCreatesWithOneIdentifierMakeOneMessage() throws Exception {
        Fhir alice = Fhir.as("alice");
        String threadId = newThread(alice, "Racing retries");
        String value = UUID.randomUUID().toString();
        Communication message = identified(Threads.message(threadId, "Raced"), value);
        String condition = "identifier=" + SYSTEM + "|" + value;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Fhir.Response> create = () -> alice.postIfNoneExist("Communication", message, condition);
            List<Future<Fhir.Response>> racing = pool.invokeAll(List.of(create, create, create, create));
            String id = null;
            for (Future<Fhir.Response> answer : racing) {
                Fhir.Response response = answer.get();
                assertTrue(response.status() == 201 || response.status() == 200, response::toString);
                id = id == null ? idOf(response) : id;
                assertEquals(id, idOf(response), "every attempt answers with the one message");
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, messagesIn(alice, threadId));
    }

    @Test
    void aTransactionSentTwiceCreatesOnce() {
        Fhir alice = Fhir.as("alice");
        String value = UUID.randomUUID().toString();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Communication header = identified(
                Threads.header(
                        Directory.idOf(alice, "Patient", "alice"),
                        Directory.idOf(alice, "Practitioner", "drlee"),
                        "Bundle sent twice"),
                value);
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + value)
                .setResource(header)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication")
                .setIfNoneExist("identifier=" + SYSTEM + "|" + value);
        Communication message = identified(Threads.message("placeholder", "In the bundle"), value + "-m");
        message.getPartOfFirstRep().setReference("urn:uuid:" + value);
        bundle.addEntry()
                .setResource(message)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Communication")
                .setIfNoneExist("identifier=" + SYSTEM + "|" + value + "-m");

        Bundle first = alice.post("", bundle).bundle();
        assertEquals("201 Created", first.getEntryFirstRep().getResponse().getStatus());
        Bundle again = alice.post("", bundle).bundle();
        assertEquals("200 OK", again.getEntry().get(0).getResponse().getStatus());
        assertEquals("200 OK", again.getEntry().get(1).getResponse().getStatus());
        String threadId = first.getEntryFirstRep().getResponse().getLocation().split("/")[1];
        assertEquals(
                first.getEntry().get(1).getFullUrl(), again.getEntry().get(1).getFullUrl(), "the same message");
        assertEquals(1, messagesIn(alice, threadId));
    }

    @Test
    void theIdentifierIsShownOnEveryReadAndFindsTheMessageForThoseWhoMaySeeIt() {
        Fhir alice = Fhir.as("alice");
        String threadId = newThread(alice, "Identified");
        String value = UUID.randomUUID().toString();
        String id = idOf(alice.post("Communication", identified(Threads.message(threadId, "Tagged"), value)));
        String token = SYSTEM + "|" + value;

        for (String reader : List.of("alice", "drlee")) {
            Fhir client = Fhir.as(reader);
            assertEquals(
                    List.of(token), tokens(client.get("Communication/" + id).as(Communication.class)), reader);
            Communication inThread = (Communication) client.get("Communication?part-of=Communication/" + threadId)
                    .bundle()
                    .getEntryFirstRep()
                    .getResource();
            assertEquals(List.of(token), tokens(inThread), reader);
            List<String> found =
                    client.get("Communication?identifier=" + SYSTEM + "%7C" + value).bundle().getEntry().stream()
                            .map(entry -> entry.getResource().getIdElement().getIdPart())
                            .toList();
            assertEquals(List.of(id), found, reader);
        }
        Fhir.Response stranger = Fhir.as("drpatel").get("Communication?identifier=" + SYSTEM + "%7C" + value);
        assertEquals(200, stranger.status(), stranger::toString);
        assertEquals(0, stranger.bundle().getTotal(), "not on the thread: nothing found");
    }

    private static List<String> tokens(Communication communication) {
        return communication.getIdentifier().stream()
                .map(identifier -> identifier.getSystem() + "|" + identifier.getValue())
                .toList();
    }

    private static String newThread(Fhir client, String topic) {
        return Threads.start(
                client,
                Directory.idOf(client, "Patient", "alice"),
                Directory.idOf(client, "Practitioner", "drlee"),
                topic);
    }

    private static Communication identified(Communication communication, String value) {
        communication.addIdentifier(new Identifier().setSystem(SYSTEM).setValue(value));
        return communication;
    }

    private static String idOf(Fhir.Response response) {
        return response.as(Communication.class).getIdElement().getIdPart();
    }

    private static int messagesIn(Fhir client, String threadId) {
        return client.get("Communication?part-of=Communication/" + threadId)
                .bundle()
                .getTotal();
    }
}
