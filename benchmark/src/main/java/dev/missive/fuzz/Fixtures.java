package dev.missive.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the fuzzer works on, made through the API before it starts: the fuzzed callers' own
 * threads, messages, drafts and files; the bystanders' (Ben's thread with Dr Lee, with a file,
 * and Chloe's), whose text carries a secret nobody else may ever be shown; the fuzzer's own
 * directory records, which the integration engine may write and merge; paging links.
 *
 * <p>Fuzzed callers: Alice (patient), Dr Patel and Nurse Kim (practitioners, not on Ben's or
 * Chloe's care team), the clinic admin and the integration engine. Ben and Chloe are the
 * bystanders; Gina (their proxy) and Dr Lee (their practitioner) only help set them up.
 */
public final class Fixtures {

    static final String ALICE = "alice";
    static final String DRPATEL = "drpatel";
    static final String NURSEKIM = "nursekim";
    static final String ADMIN = "admin";
    static final String ENGINE = KeycloakTokens.ENGINE;
    /** Everyone whose token a fuzzed request may carry. */
    static final List<String> FUZZED = List.of(ALICE, DRPATEL, NURSEKIM, ADMIN, ENGINE);
    /** Those who may read any sent thread (and so a bystander's): the secret may reach them. */
    static final List<String> PRIVILEGED = List.of(ADMIN, ENGINE);

    static final List<String> PEOPLE = List.of(ALICE, DRPATEL, NURSEKIM);
    /** Patients whose view must not change; never a fuzzed caller, nor on a fuzzed practitioner's care team. */
    public static final List<String> BYSTANDERS = List.of("ben", "chloe");

    final RawHttp http;
    final KeycloakTokens tokens;
    final String prefix;
    /** In the bystanders' threads and file: must never reach a fuzzed person or a refused token. */
    final String secret;

    final Pools pools = new Pools();
    String otherClientToken;
    String otherRealmToken;

    private Fixtures(RawHttp http, KeycloakTokens tokens, long seed) {
        this.http = http;
        this.tokens = tokens;
        this.prefix = "fuzz-" + Long.toHexString(seed);
        this.secret = "bystander-secret-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    }

    /** Makes everything through the API at {@code fhirBase} with tokens from {@code keycloak}. */
    public static Fixtures create(String fhirBase, String keycloak, long seed) {
        Fixtures fixtures = new Fixtures(new RawHttp(fhirBase, 60_000), new KeycloakTokens(keycloak), seed);
        fixtures.setUp();
        return fixtures;
    }

    public String token(String account) {
        return tokens.of(account);
    }

    public RawHttp http() {
        return http;
    }

    public String secret() {
        return secret;
    }

    /** One of Alice's threads: a normal read that must still work after the run. */
    public String aliceThread() {
        return pools.get("thread").get(0);
    }

    private void setUp() {
        directory();
        bystanders();
        alice();
        drpatel();
        paging();
        otherClientToken = tokens.otherClient(ALICE);
        otherRealmToken = tokens.otherRealm();
        pools();
    }

    /** The integration engine's records: a practitioner, patients on their care team, and the rest. */
    private void directory() {
        String pr = prefix + "-pr1";
        put("Practitioner", pr, null, null);
        put("Practitioner", prefix + "-pr2", null, null);
        put("PractitionerRole", prefix + "-role1", null, "Practitioner/" + pr);
        for (int i = 1; i <= 4; i++) {
            put("Patient", prefix + "-p" + i, null, null);
            pools.add("fuzz-patient", prefix + "-p" + i);
        }
        String p1 = "Patient/" + prefix + "-p1";
        put("CareTeam", prefix + "-ct1", p1, "Practitioner/" + pr);
        put("RelatedPerson", prefix + "-rp1", p1, null);
        put("EpisodeOfCare", prefix + "-ep1", p1, null);
        put("Appointment", prefix + "-ap1", p1, "Practitioner/" + pr);
        put("Consent", prefix + "-co1", p1, null);
        pools.add("fuzz-practitioner", pr);
        pools.add("fuzz-practitioner", prefix + "-pr2");
        for (String other : List.of("-role1", "-ct1", "-rp1", "-ep1", "-ap1", "-co1")) {
            pools.add("fuzz-other", prefix + other);
        }
    }

    private void put(String type, String id, String patient, String practitioner) {
        expect(call(ENGINE, "PUT", type + "/" + id, Bodies.directory(type, id, patient, practitioner)), 200, 201);
    }

    /** Ben writes to Dr Lee, with a file, and keeps a draft; Dr Lee answers him and writes to Chloe. */
    private void bystanders() {
        String ben = "ben";
        String thread = create(
                ben,
                Bodies.header(
                        "in-progress",
                        "general",
                        "Patient/ben",
                        "Practitioner/drlee",
                        "EpisodeOfCare/episode-ben-asthma",
                        "Wheezing at night " + secret));
        String message =
                create(ben, Bodies.message("completed", "Communication/" + thread, "Wheezing again " + secret));
        String binary = upload(ben, Bodies.PDF, Bodies.pdf(secret));
        String withFile = create(
                ben,
                Bodies.withAttachment(
                        Bodies.message("completed", "Communication/" + thread, "My peak flow chart " + secret),
                        "Binary/" + binary,
                        "peak-flow.pdf"));
        String answer =
                create("drlee", Bodies.message("completed", "Communication/" + thread, "Use the inhaler " + secret));
        String draft = create(
                ben,
                Bodies.header(
                        "preparation",
                        "general",
                        "Patient/ben",
                        "Practitioner/drlee",
                        "EpisodeOfCare/episode-ben-asthma",
                        "Draft " + secret));
        String chloe = create(
                "drlee",
                Bodies.header("in-progress", "test-results", "Patient/chloe", "Practitioner/drlee", null, "Results"));
        String chloeMessage =
                create("drlee", Bodies.message("completed", "Communication/" + chloe, "Your results " + secret));
        List.of(thread, draft, chloe).forEach(id -> pools.add("bystander-thread", id));
        List.of(message, withFile, answer, chloeMessage).forEach(id -> pools.add("bystander-message", id));
        pools.add("bystander-binary", binary);
        nextLink(ben, "Communication?part-of=Communication/" + thread + "&_count=1")
                .ifPresent(link -> pools.add("bystander-link", link));
    }

    private void alice() {
        String consent = create(ALICE, "Consent", Bodies.consent("Patient/alice"));
        pools.add("consent", consent);
        String open = create(ALICE, aliceHeader("in-progress", "Fuzz open thread"));
        pools.add("thread", open);
        pools.add("message", create(ALICE, Bodies.message("completed", "Communication/" + open, "How is my knee?")));
        pools.add("message", create(ALICE, Bodies.message("completed", "Communication/" + open, "Second question")));
        String closed = create(ALICE, aliceHeader("in-progress", "Fuzz closed thread"));
        pools.add("message", create(ALICE, Bodies.message("completed", "Communication/" + closed, "Thanks")));
        expect(call(ALICE, "POST", "Communication/" + closed + "/$close", null), 200);
        pools.add("thread", closed);
        ObjectNode charged = Bodies.billingConsent(
                Bodies.header(
                        "in-progress",
                        "medication-renewal",
                        "Patient/alice",
                        "Practitioner/drpatel",
                        "EpisodeOfCare/episode-alice-diabetes",
                        "Fuzz renewal"),
                "Consent/" + consent);
        pools.add("thread", create(ALICE, charged));
        for (int i = 0; i < 3; i++) {
            pools.add("draft-thread", create(ALICE, aliceHeader("preparation", "Fuzz draft " + i)));
        }
        for (int i = 0; i < 2; i++) {
            pools.add(
                    "draft-message",
                    create(ALICE, Bodies.message("preparation", "Communication/" + open, "Draft text " + i)));
        }
        pools.add("binary", upload(ALICE, Bodies.PDF, Bodies.pdf("alice")));
        pools.add("binary", upload(ALICE, Bodies.JPEG, Bodies.jpeg()));
        pools.add("binary", create(ALICE, "Binary", Bodies.binary(Bodies.PDF, Bodies.pdf("alice fhir"))));
        String attached = upload(ALICE, Bodies.PDF, Bodies.pdf("attached"));
        pools.add("binary", attached);
        pools.add(
                "message",
                create(
                        ALICE,
                        Bodies.withAttachment(
                                Bodies.message("completed", "Communication/" + open, "My X-ray report"),
                                "Binary/" + attached,
                                "report.pdf")));
    }

    static ObjectNode aliceHeader(String status, String topic) {
        return Bodies.header(
                status, "general", "Patient/alice", "Practitioner/drlee", "EpisodeOfCare/episode-alice-knee", topic);
    }

    private void drpatel() {
        String thread = create(
                DRPATEL,
                Bodies.header(
                        "in-progress",
                        "test-results",
                        "Patient/alice",
                        "Practitioner/drpatel",
                        "EpisodeOfCare/episode-alice-diabetes",
                        "Fuzz results"));
        pools.add("thread", thread);
        pools.add("message", create(DRPATEL, Bodies.message("completed", "Communication/" + thread, "All normal")));
    }

    private void paging() {
        nextLink(ALICE, "Communication?part-of:missing=true&_count=1").ifPresent(l -> pools.add("link", l));
        nextLink(DRPATEL, "Practitioner?_count=1").ifPresent(l -> pools.add("link", l));
        nextLink(ADMIN, "AuditEvent?_count=2").ifPresent(l -> pools.add("link", l));
        nextLink(ENGINE, "Patient?_count=1").ifPresent(l -> pools.add("link", l));
    }

    private Optional<String> nextLink(String account, String search) {
        JsonNode bundle = json(expect(call(account, "GET", search, null), 200));
        for (JsonNode link : bundle.path("link")) {
            if (link.path("relation").asText().equals("next")) {
                return Optional.of(link.path("url").asText());
            }
        }
        return Optional.empty();
    }

    private void pools() {
        Pools.DEMO_IDS.forEach(id -> pools.add("demo", id));
        Pools.MALFORMED_IDS.forEach(id -> pools.add("malformed", id));
        for (String unknown : List.of("00000000-0000-4000-8000-000000000000", "does-not-exist", prefix + "-nobody")) {
            pools.add("unknown", unknown);
        }
        pools.add("fuzz-new", prefix + "-new");
        pools.add("fuzz-new", prefix + "-nobody");
        for (String type : List.of("Patient", "Practitioner", "RelatedPerson")) {
            for (String id : List.of("alice", "ben", "chloe", "drlee", "drpatel", "nursekim", "gina-for-ben")) {
                pools.add("reference", type + "/" + id);
            }
        }
        for (String pool : List.of("thread", "message", "bystander-thread", "bystander-message", "draft-thread")) {
            pools.get(pool).forEach(id -> pools.add("reference", "Communication/" + id));
        }
        for (String pool : List.of("binary", "bystander-binary")) {
            pools.get(pool).forEach(id -> pools.add("reference", "Binary/" + id));
        }
        pools.get("consent").forEach(id -> pools.add("reference", "Consent/" + id));
        for (String reference : List.of(
                "EpisodeOfCare/episode-ben-asthma",
                "EpisodeOfCare/episode-alice-diabetes",
                "CareTeam/careteam-ben",
                "Organization/clinic",
                "Patient/" + prefix + "-p1",
                "http://evil.example/fhir/Patient/ben",
                "http://localhost/fhir/Patient/ben",
                "Patient/ben/_history/1",
                "Patient?identifier=https://missive.dev/fhir/sid/portal-username|ben",
                "urn:uuid:6f1a2b3c-0000-4000-8000-000000000001",
                "urn:uuid:00000000-0000-0000-0000-000000000000",
                "#contained",
                "Patient/",
                "/Patient/ben",
                "Patient/../Patient/ben",
                "")) {
            pools.add("reference", reference);
        }
        for (String pool : List.of("fuzz-patient")) {
            pools.get(pool).forEach(id -> pools.add("own-reference", "Patient/" + id));
        }
        pools.get("fuzz-practitioner").forEach(id -> pools.add("own-reference", "Practitioner/" + id));
        for (String reference : List.of(
                "Patient/" + prefix + "-nobody",
                "Practitioner/" + prefix + "-nobody",
                "Patient/" + prefix + "-p1/_history/1",
                "urn:uuid:00000000-0000-0000-0000-000000000000",
                "#contained",
                "Patient/",
                "Observation/" + prefix,
                "")) {
            pools.add("own-reference", reference);
        }
    }

    // --- calls made while setting up: valid requests that must succeed

    FuzzResponse call(String account, String method, String path, JsonNode body) {
        Draft draft = new Draft("set-up", account, method, path);
        if (body != null) {
            draft.json(body);
        }
        draft.header("Accept", "application/fhir+json");
        return http.send(draft.build(-1, "Bearer " + tokens.of(account)));
    }

    private String create(String account, ObjectNode body) {
        return create(account, "Communication", body);
    }

    private String create(String account, String type, ObjectNode body) {
        return json(expect(call(account, "POST", type, body), 201)).path("id").asText();
    }

    private String upload(String account, String contentType, byte[] content) {
        Draft draft = new Draft("set-up", account, "POST", "Binary").raw(contentType, content);
        FuzzResponse response = expect(http.send(draft.build(-1, "Bearer " + tokens.of(account))), 201);
        String location = response.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static FuzzResponse expect(FuzzResponse response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException("Setting up the fuzzer's records failed:\n" + response.describe());
    }

    private static JsonNode json(FuzzResponse response) {
        try {
            return Bodies.JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + response.describe(), e);
        }
    }
}
