package dev.missive.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The valid requests the fuzzer starts from: each thing a portal, a practitioner, a clinic
 * admin or an integration engine sends to Missive (see docs/api.md), with its parameters and
 * bodies chosen at random among valid ones. Weights say how often each is picked.
 */
final class Templates {

    record Template(String name, int weight, BiFunction<Random, Fixtures, Draft> make) {}

    private static final String[] CATEGORIES = {
        "general", "medication-renewal", "appointment", "test-results", "billing", "referral"
    };
    private static final String[] TEXTS = {
        "Can I take it with food?",
        "Merci, à demain",
        "Thanks 👍",
        "Line one\nLine two",
        "Is the clinic open on Saturday?",
        "Ich habe eine Frage zu meinem Rezept",
        "هل يمكنني تغيير الموعد؟",
        "预约可以改到下周吗？"
    };
    private static final String[] OPERATIONS = {"close", "reopen", "archive", "unarchive", "retract", "mark-read"};
    private static final String[] DIRECTORY_TYPES = {
        "Patient",
        "Practitioner",
        "PractitionerRole",
        "RelatedPerson",
        "CareTeam",
        "EpisodeOfCare",
        "Appointment",
        "Consent"
    };

    static final List<Template> ALL = List.of(
            new Template("thread-header", 6, Templates::threadHeader),
            new Template("message", 8, Templates::message),
            new Template("message-with-file", 3, Templates::messageWithFile),
            new Template("draft-thread-put", 3, Templates::draftThread),
            new Template("draft-message-put", 2, Templates::draftMessage),
            new Template("transaction", 5, Templates::transaction),
            new Template("binary-upload", 4, Templates::binaryUpload),
            new Template("binary-resource", 3, Templates::binaryResource),
            new Template("binary-read", 3, Templates::binaryRead),
            new Template("inbox", 8, Templates::inbox),
            new Template("thread-messages", 5, Templates::threadMessages),
            new Template("drafts", 2, Templates::drafts),
            new Template("read", 4, Templates::read),
            new Template("discard", 2, Templates::discard),
            new Template("thread-action", 10, Templates::threadAction),
            new Template("message-recipients", 2, Templates::messageRecipients),
            new Template("directory-read", 5, Templates::directoryRead),
            new Template("consent", 2, Templates::consent),
            new Template("clinic-read", 1, Templates::clinicRead),
            new Template("clinic-write", 1, Templates::clinicWrite),
            new Template("paging", 3, Templates::paging),
            new Template("conformance", 2, Templates::conformance),
            new Template("audit", 3, Templates::audit),
            new Template("export", 2, Templates::export),
            new Template("dead-letters", 1, Templates::deadLetters),
            new Template("directory-write", 5, Templates::directoryWrite),
            new Template("merge", 2, Templates::merge),
            new Template("privileged-read", 2, Templates::privilegedRead));

    private static final int TOTAL_WEIGHT =
            ALL.stream().mapToInt(Template::weight).sum();

    private Templates() {}

    static Template pick(Random random) {
        int at = random.nextInt(TOTAL_WEIGHT);
        for (Template template : ALL) {
            at -= template.weight();
            if (at < 0) {
                return template;
            }
        }
        throw new IllegalStateException();
    }

    // --- threads and messages

    private static Draft threadHeader(Random r, Fixtures f) {
        String caller =
                Pick.one(r, Fixtures.ALICE, Fixtures.ALICE, Fixtures.ALICE, Fixtures.DRPATEL, Fixtures.NURSEKIM);
        ObjectNode header;
        if (caller.equals(Fixtures.ALICE)) {
            header = Bodies.header(
                    Pick.one(r, "in-progress", "preparation"),
                    Pick.one(r, CATEGORIES),
                    "Patient/alice",
                    Pick.one(r, "Practitioner/drlee", "Practitioner/drlee", "Practitioner/drpatel"),
                    Pick.one(r, "EpisodeOfCare/episode-alice-knee", "EpisodeOfCare/episode-alice-diabetes"),
                    "Fuzz " + Pick.one(r, TEXTS));
            if (header.at("/recipient/0/reference").asText().equals("Practitioner/drpatel")) {
                Bodies.billingConsent(header, "Consent/" + f.pools.pick(r, "consent"));
            }
        } else {
            header = Bodies.header(
                    "in-progress",
                    Pick.one(r, CATEGORIES),
                    "Patient/alice",
                    "Practitioner/" + caller,
                    "EpisodeOfCare/episode-alice-diabetes",
                    "Fuzz " + Pick.one(r, TEXTS));
        }
        if (Pick.chance(r, 0.2)) {
            Bodies.confidential(header);
        }
        if (Pick.chance(r, 0.2)) {
            Bodies.responsePreference(header, "Practitioner/drlee", Pick.one(r, "ONLINEWRIT", "PHONE", "EMAILWRIT"));
        }
        return new Draft("thread-header", caller, "POST", "Communication").json(header);
    }

    private static Draft message(Random r, Fixtures f) {
        String caller = Pick.one(r, Fixtures.ALICE, Fixtures.ALICE, Fixtures.DRPATEL);
        String thread = caller.equals(Fixtures.ALICE)
                ? f.pools.pick(r, "thread")
                : f.pools.get("thread").get(f.pools.get("thread").size() - 1);
        ObjectNode message = Bodies.message(
                Pick.one(r, "completed", "completed", "preparation"), "Communication/" + thread, Pick.one(r, TEXTS));
        if (Pick.chance(r, 0.3)) {
            message.putArray("inResponseTo")
                    .addObject()
                    .put("reference", "Communication/" + f.pools.pick(r, "message"));
        }
        return new Draft("message", caller, "POST", "Communication").json(message);
    }

    private static Draft messageWithFile(Random r, Fixtures f) {
        ObjectNode message = Bodies.withAttachment(
                Bodies.message("completed", "Communication/" + f.pools.pick(r, "thread"), Pick.one(r, TEXTS)),
                "Binary/" + f.pools.pick(r, "binary"),
                Pick.one(r, "report.pdf", "scan.jpg", "x-ray report.pdf"));
        return new Draft("message-with-file", Fixtures.ALICE, "POST", "Communication").json(message);
    }

    private static Draft draftThread(Random r, Fixtures f) {
        String id = f.pools.pick(r, "draft-thread");
        ObjectNode header = Fixtures.aliceHeader(Pick.one(r, "preparation", "preparation", "in-progress"), "Edited");
        header.put("id", id);
        return new Draft("draft-thread-put", Fixtures.ALICE, "PUT", "Communication/" + id).json(header);
    }

    private static Draft draftMessage(Random r, Fixtures f) {
        String id = f.pools.pick(r, "draft-message");
        ObjectNode message = Bodies.message(
                Pick.one(r, "preparation", "completed"),
                "Communication/" + f.pools.get("thread").get(0),
                "Edited");
        message.put("id", id);
        return new Draft("draft-message-put", Fixtures.ALICE, "PUT", "Communication/" + id).json(message);
    }

    private static Draft transaction(Random r, Fixtures f) {
        ObjectNode bundle =
                Bodies.transaction(Fixtures.aliceHeader("in-progress", "Fuzz transaction"), Pick.one(r, TEXTS));
        return new Draft("transaction", Fixtures.ALICE, "POST", "").json(bundle);
    }

    private static Draft discard(Random r, Fixtures f) {
        String id = f.pools.pick(r, "draft-thread", "draft-message");
        return new Draft("discard", Fixtures.ALICE, "DELETE", "Communication/" + id);
    }

    private static Draft threadAction(Random r, Fixtures f) {
        String caller = Pick.one(r, Fixtures.ALICE, Fixtures.ALICE, Fixtures.DRPATEL);
        String id = f.pools.pick(r, "thread", "thread", "message");
        Draft draft =
                new Draft("thread-action", caller, "POST", "Communication/" + id + "/$" + Pick.one(r, OPERATIONS));
        switch (r.nextInt(3)) {
            case 0 -> draft.json(Bodies.parse("{\"resourceType\": \"Parameters\"}"));
            case 1 ->
                draft.json(Bodies.parse("{\"resourceType\": \"Communication\", \"id\": " + Bodies.quote(id) + "}"));
            default -> {
                // no body and no Content-Type, as curl -X POST sends it
            }
        }
        return draft;
    }

    // --- files

    private static Draft binaryUpload(Random r, Fixtures f) {
        boolean pdf = r.nextBoolean();
        return new Draft("binary-upload", Pick.one(r, Fixtures.ALICE, Fixtures.DRPATEL), "POST", "Binary")
                .raw(pdf ? Bodies.PDF : Bodies.JPEG, pdf ? Bodies.pdf("upload") : Bodies.jpeg());
    }

    private static Draft binaryResource(Random r, Fixtures f) {
        boolean pdf = r.nextBoolean();
        return new Draft("binary-resource", Fixtures.ALICE, "POST", "Binary")
                .json(Bodies.binary(pdf ? Bodies.PDF : Bodies.JPEG, pdf ? Bodies.pdf("resource") : Bodies.jpeg()));
    }

    private static Draft binaryRead(Random r, Fixtures f) {
        Draft draft = new Draft(
                "binary-read",
                Pick.one(r, Fixtures.ALICE, Fixtures.ALICE, Fixtures.DRPATEL),
                "GET",
                "Binary/" + f.pools.pick(r, "binary", "binary", "bystander-binary"));
        draft.idPool = Pools.BINARY;
        String accept = Pick.one(r, null, "application/fhir+json", "application/pdf", "*/*");
        if (accept == null) {
            draft.headers.removeIf(h -> h.name().equals("Accept")); // the file itself
        } else {
            draft.header("Accept", accept);
        }
        return draft;
    }

    // --- searches

    private static Draft inbox(Random r, Fixtures f) {
        Draft draft = new Draft("inbox", Pick.one(r, Fixtures.PEOPLE), "GET", "Communication")
                .param("part-of:missing", "true");
        if (Pick.chance(r, 0.6)) {
            draft.param("_count", Integer.toString(1 + r.nextInt(100)));
        }
        if (Pick.chance(r, 0.2)) {
            draft.param("archived", Pick.one(r, "true", "false"));
        }
        if (Pick.chance(r, 0.2)) {
            draft.param("unread", "true");
        }
        if (Pick.chance(r, 0.2)) {
            draft.param("category", Pick.one(r, "general", Bodies.MESSAGE_TYPE + "%7C" + Pick.one(r, CATEGORIES)));
        }
        if (Pick.chance(r, 0.2)) {
            draft.param("subject", Pick.one(r, "Patient/alice", "alice"));
        }
        if (Pick.chance(r, 0.2)) {
            draft.param("_content", Pick.one(r, "knee", "wheezing", "renewal", "question", "inhaler", "results"));
        }
        if (Pick.chance(r, 0.15)) {
            draft.param("_summary", "count");
        }
        if (Pick.chance(r, 0.2)) {
            draft.param("_include", "Communication:sender");
        }
        return draft;
    }

    private static Draft threadMessages(Random r, Fixtures f) {
        Draft draft = new Draft("thread-messages", Pick.one(r, Fixtures.PEOPLE), "GET", "Communication")
                .param("part-of", "Communication/" + f.pools.pick(r, "thread", "thread", "bystander-thread"));
        if (Pick.chance(r, 0.5)) {
            draft.param("_include", "Communication:sender");
        }
        if (Pick.chance(r, 0.5)) {
            draft.param("_count", Integer.toString(1 + r.nextInt(100)));
        }
        return draft;
    }

    private static Draft drafts(Random r, Fixtures f) {
        return new Draft("drafts", Pick.one(r, Fixtures.ALICE, Fixtures.DRPATEL), "GET", "Communication")
                .param("status", "preparation");
    }

    private static Draft read(Random r, Fixtures f) {
        return new Draft(
                "read",
                Pick.one(r, Fixtures.PEOPLE),
                "GET",
                "Communication/"
                        + f.pools.pick(
                                r, "thread", "message", "draft-thread", "bystander-thread", "bystander-message"));
    }

    private static Draft messageRecipients(Random r, Fixtures f) {
        Draft draft = new Draft(
                "message-recipients",
                Pick.one(r, Fixtures.ALICE, Fixtures.ALICE, Fixtures.DRPATEL),
                "GET",
                "Patient/" + Pick.one(r, "alice", "alice", "ben") + "/$message-recipients");
        draft.idPool = Pools.DIRECTORY;
        if (Pick.chance(r, 0.7)) {
            draft.param("category", Pick.one(r, CATEGORIES));
        }
        return draft;
    }

    private static Draft paging(Random r, Fixtures f) {
        String link = f.pools.pick(r, "link", "link", "link", "bystander-link");
        int question = link.indexOf('?');
        Draft draft = new Draft(
                "paging", Pick.one(r, Fixtures.FUZZED), "GET", question < 0 ? link : link.substring(0, question));
        if (question >= 0) {
            for (String pair : link.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                draft.param(
                        equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return draft;
    }

    // --- the directory and the clinic

    private static Draft directoryRead(Random r, Fixtures f) {
        String type = Pick.one(r, DIRECTORY_TYPES);
        Draft draft;
        if (r.nextBoolean()) {
            draft = new Draft(
                    "directory-read",
                    Pick.one(r, Fixtures.FUZZED),
                    "GET",
                    type + "/" + f.pools.pick(r, "demo", "fuzz-patient", "fuzz-other"));
        } else {
            draft = new Draft("directory-read", Pick.one(r, Fixtures.FUZZED), "GET", type);
            String person = Pick.one(r, "alice", "ben", "chloe", f.prefix + "-p1");
            switch (r.nextInt(3)) {
                case 0 ->
                    draft.param(
                            "identifier",
                            Bodies.PORTAL_USERNAME + "%7C" + Pick.one(r, "alice", "ben", "drlee", "gina"));
                case 1 -> {
                    switch (type) {
                        case "Patient", "Practitioner" ->
                            draft.param("name", Pick.one(r, "mor", "alice", "lee", "fuzz"));
                        case "PractitionerRole" ->
                            draft.param("practitioner", "Practitioner/" + Pick.one(r, "drlee", "drpatel"));
                        case "Appointment" ->
                            draft.param("practitioner", "Practitioner/drlee").param("patient", "Patient/" + person);
                        case "CareTeam" -> draft.param("participant", "Practitioner/drlee");
                        default -> draft.param("patient", Pick.one(r, "Patient/", "") + person);
                    }
                }
                default -> draft.param("_count", Integer.toString(1 + r.nextInt(20)));
            }
        }
        draft.idPool = Pools.DIRECTORY;
        return draft;
    }

    private static Draft consent(Random r, Fixtures f) {
        Draft draft = new Draft("consent", Fixtures.ALICE, "POST", "Consent").json(Bodies.consent("Patient/alice"));
        // a person's consent template must not reach a caller who may write any patient's
        draft.swappable = Fixtures.PEOPLE;
        return draft;
    }

    private static Draft clinicRead(Random r, Fixtures f) {
        return new Draft("clinic-read", Pick.one(r, Fixtures.FUZZED), "GET", "Organization/clinic");
    }

    /** Always with a stale If-Match: even the clinic admin's write must be refused, so the clinic stays as it is. */
    private static Draft clinicWrite(Random r, Fixtures f) {
        Draft draft = new Draft(
                        "clinic-write", Pick.one(r, Fixtures.ADMIN, Fixtures.ALICE), "PUT", "Organization/clinic")
                .json(Bodies.clinic())
                .header("If-Match", "W/\"999999999\"");
        draft.pinned = true;
        return draft;
    }

    private static Draft directoryWrite(Random r, Fixtures f) {
        String type = Pick.one(r, DIRECTORY_TYPES);
        String id = switch (type) {
            case "Patient" -> f.pools.pick(r, "fuzz-patient");
            case "Practitioner" -> f.pools.pick(r, "fuzz-practitioner");
            case "PractitionerRole" -> f.prefix + "-role1";
            case "CareTeam" -> f.prefix + "-ct1";
            case "RelatedPerson" -> f.prefix + "-rp1";
            case "EpisodeOfCare" -> f.prefix + "-ep1";
            case "Appointment" -> f.prefix + "-ap1";
            default -> f.prefix + "-co1";
        };
        String patient = "Patient/" + f.pools.pick(r, "fuzz-patient");
        String practitioner = "Practitioner/" + f.pools.pick(r, "fuzz-practitioner");
        ObjectNode body = Bodies.directory(type, id, patient, practitioner);
        Draft draft;
        if (Pick.chance(r, 0.75)) {
            draft = new Draft("directory-write", Fixtures.ENGINE, "PUT", type + "/" + id).json(body);
            if (Pick.chance(r, 0.2)) {
                draft.header("If-Match", "W/\"" + (1 + r.nextInt(3)) + "\"");
            }
        } else {
            body.remove("id");
            draft = new Draft("directory-write", Fixtures.ENGINE, "POST", type).json(body);
            if (type.equals("Patient")) {
                draft.header(
                        "If-None-Exist",
                        "identifier=urn:oid:1.2.36.146.595.217.0.1%7C" + f.pools.pick(r, "fuzz-patient"));
            }
        }
        draft.idPool = Pools.OWN_RECORDS;
        draft.ownRecordsOnly = true;
        return draft;
    }

    private static Draft merge(Random r, Fixtures f) {
        List<String> patients = f.pools.get("fuzz-patient");
        String source = "Patient/" + Pick.one(r, patients.subList(1, patients.size()));
        Draft draft;
        if (Pick.chance(r, 0.6)) {
            draft = new Draft("merge", Pick.one(r, Fixtures.ENGINE, Fixtures.ADMIN), "POST", "Patient/$merge")
                    .json(Bodies.parameters(
                            "source-patient", source, "target-patient", "Patient/" + Pick.one(r, patients)));
        } else {
            draft = new Draft("merge", Pick.one(r, Fixtures.ENGINE, Fixtures.ADMIN), "POST", "Patient/$unmerge")
                    .json(Bodies.parameters("source-patient", source));
        }
        draft.idPool = Pools.OWN_RECORDS;
        draft.ownRecordsOnly = true;
        return draft;
    }

    // --- clinic admins and integration engines

    private static Draft audit(Random r, Fixtures f) {
        if (Pick.chance(r, 0.2)) {
            return new Draft("audit", Fixtures.ADMIN, "GET", "AuditEvent/" + Pick.one(r, "1", "42", "999999999"));
        }
        Draft draft = new Draft("audit", Fixtures.ADMIN, "GET", "AuditEvent");
        List<String[]> choices = new ArrayList<>(List.of(
                new String[] {"date", "ge2020-01-01"},
                new String[] {"date", "lt2100-01-01T00:00:00Z"},
                new String[] {"agent", Pick.one(r, "alice", "Patient/alice", "service-account-integration-engine")},
                new String[] {"entity", "Communication/" + f.pools.pick(r, "thread", "bystander-thread")},
                new String[] {"outcome", Pick.one(r, "0", "4", "8")},
                new String[] {"patient", "Patient/ben"},
                new String[] {"_count", Integer.toString(1 + r.nextInt(100))}));
        for (String[] choice : choices) {
            if (Pick.chance(r, 0.3)) {
                draft.param(choice[0], choice[1]);
            }
        }
        return draft;
    }

    private static Draft export(Random r, Fixtures f) {
        Draft draft = new Draft(
                "export",
                Fixtures.ADMIN,
                "GET",
                "Practitioner/" + Pick.one(r, "drpatel", "drpatel", "nursekim", f.prefix + "-pr1", "drlee")
                        + "/$export-messages");
        if (Pick.chance(r, 0.6)) {
            draft.param(
                    "_outputFormat",
                    Pick.one(
                            r, "application/fhir%2Bndjson", "ndjson", "application/ndjson", "application/fhir%2Bjson"));
        }
        draft.idPool = Pools.DIRECTORY;
        return draft;
    }

    private static Draft deadLetters(Random r, Fixtures f) {
        if (r.nextBoolean()) {
            return new Draft("dead-letters", Fixtures.ADMIN, "GET", "$notification-dead-letters");
        }
        // Replaying would send other tests' dead letters: only those who may not, so it stays refused.
        Draft draft = new Draft("dead-letters", Pick.one(r, Fixtures.PEOPLE), "POST", "$replay-notifications");
        draft.swappable = Fixtures.PEOPLE;
        return draft;
    }

    private static Draft privilegedRead(Random r, Fixtures f) {
        String caller = Pick.one(r, Fixtures.PRIVILEGED);
        String thread = f.pools.pick(r, "thread", "bystander-thread");
        if (r.nextBoolean()) {
            return new Draft("privileged-read", caller, "GET", "Communication/" + thread);
        }
        return new Draft("privileged-read", caller, "GET", "Communication").param("part-of", "Communication/" + thread);
    }

    /** Conformance documents, which need no token: sent without one half the time. */
    private static Draft conformance(Random r, Fixtures f) {
        Draft draft = switch (r.nextInt(7)) {
            case 0 -> new Draft("conformance", Fixtures.ALICE, "GET", "metadata");
            case 1 -> new Draft("conformance", Fixtures.ALICE, "GET", ".well-known/smart-configuration");
            case 2 -> new Draft("conformance", Fixtures.ALICE, "GET", "CodeSystem/rule");
            case 3 -> new Draft("conformance", Fixtures.ALICE, "GET", "ValueSet/message-type");
            case 4 ->
                new Draft("conformance", Fixtures.ALICE, "GET", "StructureDefinition")
                        .param("url", "https://missive.dev/fhir/StructureDefinition/participant-state");
            case 5 -> new Draft("conformance", Fixtures.ALICE, "GET", "OperationDefinition/Communication-retract");
            default -> new Draft("conformance", Fixtures.ALICE, "GET", "SearchParameter");
        };
        if (r.nextBoolean()) {
            draft.token = TokenKind.NONE;
        }
        return draft;
    }
}
