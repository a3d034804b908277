package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** Builds the Communications a portal posts: thread headers and messages. */
final class Threads {

    static final String MESSAGE_TYPE = "https://missive.dev/fhir/CodeSystem/message-type";
    private static final Map<String, String> DEMO_CHARTS = Map.of(
            "alice", "episode-alice-knee",
            "ben", "episode-ben-asthma");

    private Threads() {}

    static Communication header(String patientId, String practitionerId, String topic) {
        Communication header = new Communication();
        header.setStatus(Communication.CommunicationStatus.INPROGRESS);
        header.addCategory(new CodeableConcept(new Coding(MESSAGE_TYPE, "general", null)));
        header.setSubject(new Reference("Patient/" + patientId));
        header.addRecipient(new Reference("Practitioner/" + practitionerId));
        header.setTopic(new CodeableConcept().setText(topic));
        return regarding(header, patientId);
    }

    static Communication message(String threadId, String text) {
        Communication message = new Communication();
        message.setStatus(Communication.CommunicationStatus.COMPLETED);
        message.addPartOf(new Reference("Communication/" + threadId));
        message.addPayload().setContent(new StringType(text));
        return message;
    }

    /** Starts a thread as the client and returns its id. */
    static String start(Fhir client, String patientId, String practitionerId, String topic) {
        return start(client, header(patientId, practitionerId, topic));
    }

    static String start(Fhir client, Communication header) {
        Fhir.Response created = client.post("Communication", header);
        assertEquals(201, created.status(), created::toString);
        return created.as(Communication.class).getIdElement().getIdPart();
    }

    /**
     * The chart a demo patient's threads are regarding: Alice has two active episodes of care in
     * the demo clinic (knee, diabetes), so hers must say which one; Ben's name his only one.
     */
    static Communication regarding(Communication header, String patientId) {
        String episode = DEMO_CHARTS.get(patientId);
        if (episode != null && !header.hasAbout()) {
            header.addAbout(new Reference("EpisodeOfCare/" + episode));
        }
        return header;
    }

    /** Sends a message into the thread as the client and returns its id. */
    static String send(Fhir client, String threadId, String text) {
        Fhir.Response sent = client.post("Communication", message(threadId, text));
        assertEquals(201, sent.status(), sent::toString);
        return sent.as(Communication.class).getIdElement().getIdPart();
    }
}
