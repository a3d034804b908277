package dev.missive.benchmark;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** The Missive requests the benchmark makes, FHIR JSON written and read with HAPI's model. */
final class FhirApi {

    private static final String MESSAGE_TYPE = "https://missive.dev/fhir/CodeSystem/message-type";

    private final Http http;
    private final String base;
    private final IParser json = FhirContext.forR4Cached().newJsonParser();

    FhirApi(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Creates or replaces a directory entry under its client-assigned id. */
    void put(String token, Resource resource) {
        String url =
                base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        http.put(url, token, Http.FHIR_JSON, json.encodeResourceToString(resource))
                .orFail("PUT " + url);
    }

    /** Starts a thread between a patient and a practitioner (either side may start it). */
    Http.Answer startThread(String token, Clinic.Person patient, Clinic.Person practitioner) {
        Communication header = new Communication();
        header.setStatus(Communication.CommunicationStatus.INPROGRESS);
        header.addCategory(new CodeableConcept(new Coding(MESSAGE_TYPE, "general", null)));
        header.setSubject(new Reference(patient.reference()));
        header.addRecipient(new Reference(practitioner.reference())); // the practitioner, whoever starts
        header.setTopic(new CodeableConcept().setText("Benchmark thread"));
        return http.post(base + "/Communication", token, Http.FHIR_JSON, json.encodeResourceToString(header));
    }

    String idOf(Http.Answer created) {
        return json.parseResource(Communication.class, created.body())
                .getIdElement()
                .getIdPart();
    }

    Http.Answer send(String token, String threadId, String text) {
        Communication message = new Communication();
        message.setStatus(Communication.CommunicationStatus.COMPLETED);
        message.addPartOf(new Reference("Communication/" + threadId));
        message.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(text));
        return http.post(base + "/Communication", token, Http.FHIR_JSON, json.encodeResourceToString(message));
    }

    Http.Answer inbox(String token) {
        return http.get(base + "/Communication?part-of:missing=true&_count=20", token);
    }

    Http.Answer thread(String token, String threadId) {
        return http.get(base + "/Communication?part-of=Communication/" + threadId + "&_count=100", token);
    }

    Http.Answer markRead(String token, String threadId) {
        return http.post(base + "/Communication/" + threadId + "/$mark-read", token, null, null);
    }

    /** The caller's thread headers (first page of 100), for reusing an earlier seed. */
    List<Communication> threads(String token) {
        Http.Answer answer = http.get(base + "/Communication?part-of:missing=true&_count=100", token)
                .orFail("inbox");
        return json.parseResource(Bundle.class, answer.body()).getEntry().stream()
                .map(e -> (Communication) e.getResource())
                .toList();
    }
}
