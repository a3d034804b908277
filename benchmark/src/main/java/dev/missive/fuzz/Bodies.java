package dev.missive.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/** The valid bodies Missive takes, as the integration suite and the portal write them. */
final class Bodies {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MESSAGE_TYPE = "https://missive.dev/fhir/CodeSystem/message-type";
    static final String PORTAL_USERNAME = "https://missive.dev/fhir/sid/portal-username";
    static final String SD = "https://missive.dev/fhir/StructureDefinition/";
    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";

    private Bodies() {}

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static String text(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal, quotes included. */
    static String quote(String value) {
        return text(value);
    }

    static ObjectNode header(
            String status, String category, String subject, String recipient, String about, String topic) {
        ObjectNode header = parse("""
                {"resourceType": "Communication", "status": %s,
                 "category": [{"coding": [{"system": "%s", "code": %s}]}],
                 "subject": {"reference": %s},
                 "recipient": [{"reference": %s}],
                 "topic": {"text": %s}}""".formatted(
                        quote(status), MESSAGE_TYPE, quote(category), quote(subject), quote(recipient), quote(topic)));
        if (about != null) {
            header.putArray("about").addObject().put("reference", about);
        }
        return header;
    }

    static ObjectNode message(String status, String thread, String text) {
        return parse("""
                {"resourceType": "Communication", "status": %s,
                 "partOf": [{"reference": %s}],
                 "payload": [{"contentString": %s}]}""".formatted(quote(status), quote(thread), quote(text)));
    }

    static ObjectNode withAttachment(ObjectNode message, String binary, String title) {
        message.withArray("payload")
                .addObject()
                .putObject("contentAttachment")
                .put("url", binary)
                .put("title", title);
        return message;
    }

    static ObjectNode confidential(ObjectNode header) {
        header.putObject("meta")
                .putArray("security")
                .addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality")
                .put("code", "R");
        return header;
    }

    static ObjectNode responsePreference(ObjectNode header, String responder, String method) {
        header.withArray("extension").add(parse("""
                {"url": "%sresponse-preference", "extension": [
                  {"url": "responder", "valueReference": {"reference": %s}},
                  {"url": "method", "valueCoding": {"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode",
                                                    "code": %s}}]}""".formatted(SD, quote(responder), quote(method))));
        return header;
    }

    static ObjectNode billingConsent(ObjectNode header, String consent) {
        header.withArray("extension")
                .addObject()
                .put("url", SD + "billing-consent")
                .putObject("valueReference")
                .put("reference", consent);
        return header;
    }

    /** A transaction: a thread header and its first message, which names the header by its fullUrl. */
    static ObjectNode transaction(ObjectNode header, String text) {
        String fullUrl = "urn:uuid:6f1a2b3c-0000-4000-8000-000000000001";
        ObjectNode bundle = parse("{\"resourceType\": \"Bundle\", \"type\": \"transaction\"}");
        ObjectNode first = bundle.withArray("entry").addObject().put("fullUrl", fullUrl);
        first.set("resource", header);
        first.putObject("request").put("method", "POST").put("url", "Communication");
        ObjectNode second = bundle.withArray("entry").addObject();
        second.set("resource", message("completed", fullUrl, text));
        second.putObject("request").put("method", "POST").put("url", "Communication");
        return bundle;
    }

    static ObjectNode consent(String patient) {
        return parse("""
                {"resourceType": "Consent", "status": "active",
                 "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "treatment"}]},
                 "category": [{"coding": [{"system": "https://missive.dev/fhir/CodeSystem/consent-category",
                                           "code": "message-billing"}]}],
                 "patient": {"reference": %s}}""".formatted(quote(patient)));
    }

    static ObjectNode binary(String contentType, byte[] content) {
        return JSON.createObjectNode()
                .put("resourceType", "Binary")
                .put("contentType", contentType)
                .put("data", Base64.getEncoder().encodeToString(content));
    }

    static ObjectNode parameters(String... references) {
        ObjectNode parameters = parse("{\"resourceType\": \"Parameters\"}");
        for (int i = 0; i + 1 < references.length; i += 2) {
            parameters
                    .withArray("parameter")
                    .addObject()
                    .put("name", references[i])
                    .putObject("valueReference")
                    .put("reference", references[i + 1]);
        }
        return parameters;
    }

    /** The clinic policy as a clinic admin writes it. */
    static ObjectNode clinic() {
        return parse("""
                {"resourceType": "Organization", "id": "clinic", "name": "Missive Demo Clinic",
                 "extension": [{"url": "%smessaging-enabled", "valueBoolean": true},
                               {"url": "%sretract-window", "valueDuration": {"value": 5, "system": "http://unitsofmeasure.org", "code": "min"}},
                               {"url": "%sguidelines", "valueString": "Allow two working days for an answer."}]}""".formatted(SD, SD, SD));
    }

    /** One of the directory entries the integration engine keeps, under the fuzzer's own ids. */
    static ObjectNode directory(String type, String id, String patient, String practitioner) {
        String json = switch (type) {
            case "Patient" -> """
                            {"resourceType": "Patient", "id": %s, "active": true,
                             "identifier": [{"system": "urn:oid:1.2.36.146.595.217.0.1", "value": %s}],
                             "name": [{"given": ["Fuzz"], "family": "Patient"}], "birthDate": "1990-01-01",
                             "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "fr"}]}}]}""".formatted(quote(id), quote(id));
            case "Practitioner" -> """
                            {"resourceType": "Practitioner", "id": %s, "active": true,
                             "identifier": [{"system": "%s", "value": %s}],
                             "name": [{"given": ["Fuzz"], "family": "Practitioner"}],
                             "extension": [{"url": "%semail-notifications", "valueBoolean": false}]}""".formatted(quote(id), PORTAL_USERNAME, quote(id), SD);
            case "PractitionerRole" -> """
                            {"resourceType": "PractitionerRole", "id": %s, "active": true,
                             "practitioner": {"reference": %s},
                             "code": [{"coding": [{"system": "https://missive.dev/fhir/CodeSystem/practitioner-role",
                                                   "code": "portal-messaging"}]}],
                             "extension": [{"url": "%scharges-for-messages", "valueBoolean": false},
                                           {"url": "%smessage-types", "valueCode": "general"}]}""".formatted(quote(id), quote(practitioner), SD, SD);
            case "CareTeam" -> """
                            {"resourceType": "CareTeam", "id": %s, "status": "active", "name": "Fuzz team",
                             "subject": {"reference": %s}, "participant": [{"member": {"reference": %s}}]}""".formatted(quote(id), quote(patient), quote(practitioner));
            case "RelatedPerson" -> """
                            {"resourceType": "RelatedPerson", "id": %s, "active": true, "patient": {"reference": %s},
                             "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                                                           "code": "GUARD"}]}],
                             "name": [{"given": ["Fuzz"], "family": "Proxy"}],
                             "period": {"start": "2020-01-01"}}""".formatted(quote(id), quote(patient));
            case "EpisodeOfCare" -> """
                            {"resourceType": "EpisodeOfCare", "id": %s, "status": "active", "patient": {"reference": %s},
                             "type": [{"text": "Fuzz chart"}], "period": {"start": "2024-01-01"}}""".formatted(quote(id), quote(patient));
            case "Appointment" -> """
                            {"resourceType": "Appointment", "id": %s, "status": "fulfilled",
                             "start": "2025-01-01T09:00:00Z", "end": "2025-01-01T09:30:00Z",
                             "participant": [{"actor": {"reference": %s}, "status": "accepted"},
                                             {"actor": {"reference": %s}, "status": "accepted"}]}""".formatted(quote(id), quote(patient), quote(practitioner));
            case "Consent" -> consent(patient).put("id", id).toString();
            default -> throw new IllegalArgumentException(type);
        };
        return parse(json);
    }

    /** A one-page PDF (with a comment line carrying {@code note}) as PDF writers make it. */
    static byte[] pdf(String note) {
        String[] objects = {
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n% " + note + "\n");
        StringBuilder xref = new StringBuilder("xref\n0 4\n0000000000 65535 f \n");
        for (String object : objects) {
            xref.append(String.format("%010d 00000 n \n", pdf.length()));
            pdf.append(object);
        }
        int start = pdf.length();
        pdf.append(xref)
                .append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
                .append(start)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** An 8 by 8 picture as ImageIO encodes it. */
    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
