package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every demo account and the integration engine, against each kind of thread, for each thing
 * one can do to a thread: the exact status, and nothing of a hidden thread in bodies, inboxes
 * or counts. The engine writes only for the practitioner it names, as that practitioner may.
 */
class AuthorizationMatrixIT extends MissiveIT {

    private static final List<String> CALLERS =
            List.of("alice", "ben", "chloe", "gina", "drlee", "drpatel", "nursekim", "admin", Tokens.INTEGRATION);
    private static final Set<String> SEE_SENT_THREADS = Set.of("admin", Tokens.INTEGRATION);
    private static final Set<String> PATIENT_SIDE = Set.of("alice", "ben", "chloe", "gina");

    /** A kind of thread, who takes part in it, what a participant's new message gets, and whose it is not. */
    private record Kind(
            String name,
            String id,
            String secret,
            String patient,
            Set<String> participants,
            int newMessage,
            String author) {}

    @TestFactory
    List<DynamicTest> everyCallerAgainstEveryKindOfThread() {
        List<Kind> kinds = fixtures();
        List<DynamicTest> cells = new ArrayList<>();
        for (Kind kind : kinds) {
            CALLERS.stream()
                    .filter(caller -> !caller.equals(kind.author()))
                    .forEach(caller -> cells.add(dynamicTest(caller + " × " + kind.name(), () -> check(caller, kind))));
        }
        return cells;
    }

    private static void check(String account, Kind kind) {
        Fhir caller = Fhir.as(account);
        boolean participant = kind.participants().contains(account);
        boolean sees = participant
                || SEE_SENT_THREADS.contains(account) && !kind.name().equals("draft of someone else");
        int read = sees ? 200 : 404;

        Fhir.Response header = caller.get("Communication/" + kind.id());
        assertEquals(read, header.status(), "read " + header);
        Fhir.Response messages = caller.get("Communication?part-of=Communication/" + kind.id());
        assertEquals(read, messages.status(), "list " + messages);
        if (!sees) {
            assertFalse(header.body().contains(kind.secret()) || messages.body().contains(kind.secret()), "leak");
        }

        boolean engine = account.equals(Tokens.INTEGRATION);
        // an engine names the practitioner it writes for, or is refused whatever the thread
        int write = participant ? kind.newMessage() : engine ? 422 : sees ? 403 : 404;
        Fhir.Response sent = caller.post("Communication", Threads.message(kind.id(), "From " + account));
        assertEquals(write, sent.status(), "write " + sent);
        if (engine) {
            Communication forDrLee = Threads.message(kind.id(), "Filed for the thread's practitioner");
            forDrLee.setSender(new Reference("Practitioner/drlee"));
            Fhir.Response filed = caller.post("Communication", forDrLee);
            assertEquals(kind.newMessage(), filed.status(), "write as Dr Lee, as he would " + filed);
            Communication forThePatient = Threads.message(kind.id(), "Filed for the patient");
            forThePatient.setSender(new Reference("Patient/" + kind.patient()));
            assertEquals(422, caller.post("Communication", forThePatient).status(), "never for the patient");
        }

        int act = participant ? 200 : sees ? 403 : 404;
        if (!kind.name().equals("draft of someone else")) {
            assertEquals(
                    act,
                    caller.postEmpty("Communication/" + kind.id() + "/$mark-read")
                            .status(),
                    "mark-read");
            assertEquals(
                    act,
                    caller.postEmpty("Communication/" + kind.id() + "/$archive").status(),
                    "archive");
            assertEquals(
                    act,
                    caller.postEmpty("Communication/" + kind.id() + "/$unarchive")
                            .status(),
                    "unarchive");
        }

        // editing the details: the patient side of an open thread; staff and onlookers are refused,
        // a closed thread is read-only to all. The edit keeps every detail as read: it changes nothing.
        int edit = !sees
                ? 404
                : kind.newMessage() == 422 ? 422 : participant && PATIENT_SIDE.contains(account) ? 200 : 403;
        Communication details = header.status() == 200
                ? header.as(Communication.class)
                : Threads.header("alice", "drlee", "Matrix edit");
        details.setId(kind.id());
        details.setStatus(Communication.CommunicationStatus.INPROGRESS);
        Fhir.Response edited = caller.put("Communication/" + kind.id(), details, null);
        assertEquals(edit, edited.status(), "edit " + edited);
        if (!sees) {
            assertFalse(edited.body().contains(kind.secret()), "leak");
        }

        Fhir.Response inbox = caller.get("Communication?part-of:missing=true&_count=100");
        boolean listed = inbox.status() == 200
                && inbox.bundle().getEntry().stream()
                        .anyMatch(
                                e -> e.getResource().getIdElement().getIdPart().equals(kind.id()));
        boolean inInbox = participant && !kind.name().equals("draft of someone else");
        assertEquals(inInbox, listed, "inbox");
        if (inbox.status() == 200) {
            assertEquals(
                    inbox.bundle().getTotal(),
                    caller.get("Communication?part-of:missing=true&_summary=count")
                            .bundle()
                            .getTotal(),
                    "the count is the inbox's size");
            assertEquals(inInbox, inbox.body().contains(kind.id()), "not in the inbox's body or links");
        }
    }

    /**
     * Quick replies: clinic admins manage them; practitioners and the integration engine read
     * them; patients and proxies are refused everything.
     */
    @TestFactory
    List<DynamicTest> quickRepliesAreTheClinicsAndItsStaffs() {
        String id = QuickReplies.create("Matrix template", "Hello {{patient-first-name}}");
        Set<String> staff = Set.of("drlee", "drpatel", "nursekim", "admin", Tokens.INTEGRATION);
        List<DynamicTest> cells = new ArrayList<>(CALLERS.stream()
                .map(account -> dynamicTest(account + " × quick replies", () -> {
                    Fhir caller = Fhir.as(account);
                    boolean admin = account.equals("admin");
                    int read = staff.contains(account) ? 200 : 403;
                    assertEquals(read, caller.get(QuickReplies.SEARCH).status(), "search");
                    Fhir.Response one = caller.get("Basic/" + id);
                    assertEquals(read, one.status(), "read");
                    if (read != 200) {
                        assertFalse(one.body().contains("Hello"), "leak");
                    }
                    Fhir.Response created = caller.post("Basic", QuickReplies.template("Matrix " + account, "Hi"));
                    assertEquals(admin ? 201 : 403, created.status(), "create " + created);
                    String target =
                            admin ? created.as(Basic.class).getIdElement().getIdPart() : id;
                    Basic changed = QuickReplies.template("Matrix " + account, "Changed");
                    changed.setId(target);
                    Fhir.Response updated = caller.put("Basic/" + target, changed, null);
                    assertEquals(admin ? 200 : 403, updated.status(), "update " + updated);
                    assertEquals(
                            admin ? 204 : 403, caller.delete("Basic/" + target).status(), "delete");
                }))
                .toList());
        cells.add(dynamicTest(
                "admin removes the matrix template",
                () -> assertEquals(204, Fhir.as("admin").delete("Basic/" + id).status())));
        return cells;
    }

    /**
     * A next link is its searcher's alone (found by the fuzzer, benchmark/fuzz.sh: a link of Ben's
     * sent with Dr Patel's token and {@code _getpagesoffset=0} showed Ben's messages, kept with the
     * search as its first page). Alice's links to her thread's messages, her inbox and her drafts,
     * sent as they are and with offset 0 by everyone else: 410, and nothing of hers in the body.
     */
    @TestFactory
    List<DynamicTest> aNextLinkIsItsSearchersAlone() {
        Fhir alice = Fhir.as("alice");
        String thread = Threads.start(alice, Threads.header("alice", "drlee", "Matrix paging"));
        for (int i = 0; i < 3; i++) {
            Threads.send(alice, thread, "Alice's paged secret " + i);
        }
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Communication draft = Threads.header("alice", "drlee", "Matrix paged draft");
            draft.setStatus(Communication.CommunicationStatus.PREPARATION);
            drafts.add(Threads.start(alice, draft));
        }
        List<String> links = new ArrayList<>();
        for (String search : List.of(
                "Communication?part-of=Communication/" + thread + "&_count=1",
                "Communication?part-of:missing=true&_count=1",
                "Communication?status=preparation&_count=1")) {
            String next = alice.get(search).bundle().getLink(Bundle.LINK_NEXT).getUrl();
            links.add(next);
            links.add(next.replaceFirst("_getpagesoffset=\\d+", "_getpagesoffset=0"));
        }
        List<DynamicTest> cells = new ArrayList<>();
        cells.add(dynamicTest("alice × her own links", () -> {
            for (String link : links) {
                assertEquals(200, alice.get(link).status(), link);
            }
        }));
        CALLERS.stream()
                .filter(caller -> !caller.equals("alice"))
                .forEach(caller -> cells.add(dynamicTest(caller + " × alice's next links", () -> {
                    for (String link : links) {
                        Fhir.Response page = Fhir.as(caller).get(link);
                        assertEquals(410, page.status(), link + " " + page);
                        assertFalse(
                                page.body().contains("paged secret")
                                        || page.body().contains("Matrix paged draft")
                                        || page.body().contains(thread),
                                "leak: " + page);
                    }
                })));
        // Alice's drafts folder is as other classes expect it (the portal's test finds it empty).
        cells.add(dynamicTest("alice discards her drafts", () -> {
            for (String draft : drafts) {
                assertEquals(204, alice.delete("Communication/" + draft).status());
            }
        }));
        return cells;
    }

    /**
     * A practitioner's cover while away: read, set and cleared by the practitioner themselves
     * (nurse Kim) and clinic admins, 403 for everyone else. The absence starts tomorrow, so
     * that no message of another cell is routed by it, and is cleared at the end.
     */
    @TestFactory
    List<DynamicTest> aPractitionersCoverIsTheirsAndTheClinicAdmins() {
        Set<String> manage = Set.of("nursekim", "admin");
        String kim = "Practitioner/nursekim/";
        List<DynamicTest> cells = new ArrayList<>();
        CALLERS.forEach(caller -> cells.add(dynamicTest(caller + " × nurse Kim's cover", () -> {
            Fhir client = Fhir.as(caller);
            int expected = manage.contains(caller) ? 200 : 403;
            assertEquals(expected, client.get(kim + "$cover").status(), "read");
            Fhir.Response set = client.post(kim + "$set-cover", CoverIT.cover(1, 2, "drpatel"));
            assertEquals(expected, set.status(), "set " + set);
            assertEquals(expected, client.postEmpty(kim + "$clear-cover").status(), "clear");
        })));
        return cells;
    }

    /**
     * Answering within the promised time: staff search their overdue threads, the patient side
     * may not (403); the response-time report is the clinic admins' alone (403 for everyone else).
     */
    @TestFactory
    List<DynamicTest> theOverdueSearchIsStaffsAndTheResponseTimeReportTheClinicAdmins() {
        String period = "$response-times?start=2026-01-01&end=2026-12-31";
        return CALLERS.stream()
                .map(caller -> dynamicTest(caller + " × overdue search and response-time report", () -> {
                    Fhir client = Fhir.as(caller);
                    Fhir.Response overdue = client.get("Communication?part-of:missing=true&overdue=true");
                    assertEquals(PATIENT_SIDE.contains(caller) ? 403 : 200, overdue.status(), overdue::toString);
                    Fhir.Response report = client.get(period);
                    assertEquals(caller.equals("admin") ? 200 : 403, report.status(), report::toString);
                }))
                .toList();
    }

    /**
     * Sam, a nurse who is also a patient, on each side: a thread of his as a patient and one as a
     * nurse, each read, written and listed on its own side only (404 on the other); and whose
     * email notifications each caller may switch: a practitioner their own, nobody else's (403).
     */
    @TestFactory
    List<DynamicTest> aStaffMemberWhoIsAlsoAPatientActsOnOneSideAtATime() {
        DualRoleIT.SamsThreads threads = DualRoleIT.samsThreads("Matrix sides");
        Map<String, Fhir> sides = Map.of(
                "sam as his practitioner (the default)", Fhir.as("sam"),
                "sam as his patient", Fhir.as("sam").actingAs(DualRoleIT.PATIENT_SIDE));
        List<DynamicTest> cells = new ArrayList<>();
        sides.forEach((side, client) -> {
            boolean patientSide = side.contains("patient");
            String own = patientSide ? threads.asPatient() : threads.asNurse();
            String other = patientSide ? threads.asNurse() : threads.asPatient();
            cells.add(dynamicTest(side + " × his threads on each side", () -> {
                assertEquals(200, client.get("Communication/" + own).status(), "read own side");
                assertEquals(404, client.get("Communication/" + other).status(), "read other side");
                assertEquals(
                        201,
                        client.post("Communication", Threads.message(own, "Matrix"))
                                .status());
                assertEquals(
                        404,
                        client.post("Communication", Threads.message(other, "Matrix"))
                                .status());
                assertEquals(
                        200,
                        client.postEmpty("Communication/" + own + "/$mark-read").status());
                assertEquals(
                        404,
                        client.postEmpty("Communication/" + other + "/$mark-read")
                                .status());
                String inbox = client.get("Communication?part-of:missing=true&_count=100")
                        .body();
                assertTrue(inbox.contains(own), "own side listed");
                assertFalse(inbox.contains(other), "other side not listed");
                assertEquals(
                        patientSide ? 403 : 200,
                        client.get("Communication?part-of:missing=true&overdue=true")
                                .status(),
                        "overdue work list");
                assertEquals(
                        patientSide ? 403 : 200, client.get(QuickReplies.SEARCH).status(), "quick replies");
                Fhir.Response recipients = client.get("Patient/sam/$message-recipients");
                assertEquals(patientSide ? 200 : 404, recipients.status(), "recipients " + recipients);
                assertFalse(recipients.body().contains("Practitioner/nursesam"), "never himself");
            }));
            cells.add(dynamicTest(side + " × his own email notifications", () -> {
                Fhir.Response set =
                        client.post("Practitioner/nursesam/$set-email-notifications", DualRoleIT.enabled(false));
                assertEquals(patientSide ? 403 : 200, set.status(), set::toString);
            }));
        });
        CALLERS.forEach(caller -> cells.add(dynamicTest(caller + " × nurse Sam's email notifications", () -> {
            Fhir.Response set =
                    Fhir.as(caller).post("Practitioner/nursesam/$set-email-notifications", DualRoleIT.enabled(true));
            assertEquals(403, set.status(), set::toString);
        })));
        cells.add(dynamicTest("drlee × his own email notifications, as they were", () -> {
            Fhir drlee = Fhir.as("drlee");
            boolean was = ((BooleanType) drlee.get("Practitioner/drlee")
                            .as(Practitioner.class)
                            .getExtensionByUrl("https://missive.dev/fhir/StructureDefinition/email-notifications")
                            .getValue())
                    .booleanValue();
            assertEquals(
                    200,
                    drlee.post("Practitioner/drlee/$set-email-notifications", DualRoleIT.enabled(was))
                            .status());
        }));
        return cells;
    }

    /**
     * A thread Alice addressed to the nurses' pool (one per cell): the members it reached (Dr Lee,
     * Dr Patel) claim, release and assign it; clinic admins release and assign; whoever else sees
     * it (Alice, the engine) is refused (403); everyone else does not see it (404).
     */
    @TestFactory
    List<DynamicTest> aTeamThreadIsClaimedByItsMembersAndPassedOnByThemOrTheClinicAdmin() {
        Set<String> members = Set.of("drlee", "drpatel");
        Set<String> seeIt = Set.of("alice", "admin", Tokens.INTEGRATION);
        Fhir alice = Fhir.as("alice");
        return CALLERS.stream()
                .map(caller -> dynamicTest(caller + " × a team thread", () -> {
                    String thread = Threads.start(alice, PoolsIT.toNurses("Matrix pool"));
                    Threads.send(alice, thread, "Alice's secret refill");
                    String path = "Communication/" + thread + "/";
                    Fhir client = Fhir.as(caller);
                    boolean member = members.contains(caller);
                    int refused = seeIt.contains(caller) ? 403 : 404;
                    assertEquals(
                            member || seeIt.contains(caller) ? 200 : 404,
                            client.get("Communication/" + thread).status());
                    assertEquals(
                            member ? 200 : refused,
                            client.postEmpty(path + "$claim").status(),
                            "claim");
                    boolean passes = member || caller.equals("admin");
                    assertEquals(
                            passes ? 200 : refused,
                            client.postEmpty(path + "$release").status(),
                            "release");
                    Parameters toDrPatel = new Parameters();
                    toDrPatel.addParameter().setName("practitioner").setValue(new Reference("Practitioner/drpatel"));
                    assertEquals(
                            passes ? 200 : refused,
                            client.post(path + "$assign", toDrPatel).status(),
                            "assign");
                }))
                .toList();
    }

    /** The threads of the matrix, started through the API as the demo users would. */
    private static List<Kind> fixtures() {
        Fhir alice = Fhir.as("alice");
        Fhir ben = Fhir.as("ben");
        Fhir gina = Fhir.as("gina");
        Fhir drlee = Fhir.as("drlee");

        String own = Threads.start(alice, Threads.header("alice", "drlee", "Matrix own"));
        Threads.send(alice, own, "Alice's secret knee");

        Communication proxied = Threads.regarding(Threads.header("ben", "drlee", "Matrix proxied"), "ben");
        String proxiedId = Threads.start(gina, proxied);
        Threads.send(gina, proxiedId, "Ben's secret cough");

        Communication confidential = Threads.regarding(Threads.header("ben", "drlee", "Matrix confidential"), "ben");
        confidential.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null);
        String confidentialId = Threads.start(ben, confidential);
        Threads.send(ben, confidentialId, "Ben's confidential worry");

        String closed = Threads.start(drlee, Threads.header("chloe", "drlee", "Matrix closed"));
        Threads.send(drlee, closed, "Chloe's secret results");
        assertEquals(200, drlee.postEmpty("Communication/" + closed + "/$close").status());

        Communication draft = Threads.header("alice", "drlee", "Matrix draft");
        draft.setStatus(Communication.CommunicationStatus.PREPARATION);
        String draftId = Threads.start(alice, draft);

        Map<String, Set<String>> people = Map.of(
                "own", Set.of("alice", "drlee"),
                "proxied", Set.of("ben", "gina", "drlee"),
                "confidential", Set.of("ben", "drlee"),
                "closed", Set.of("chloe", "gina", "drlee"));
        return List.of(
                new Kind("own thread", own, "knee", "alice", people.get("own"), 201, null),
                new Kind("a proxied patient's thread", proxiedId, "cough", "ben", people.get("proxied"), 201, null),
                new Kind(
                        "a confidential thread", confidentialId, "worry", "ben", people.get("confidential"), 201, null),
                new Kind("a closed thread", closed, "results", "chloe", people.get("closed"), 422, null),
                new Kind("draft of someone else", draftId, "Matrix draft", "alice", Set.of(), 404, "alice"));
    }
}
