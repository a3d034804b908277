package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Answering within the promised time, over HTTP: the due time on a thread's header, staff's
 * overdue search, one escalation email to the clinic admins, and the response-time report for
 * threads with known times. The suite's clinic is open around the clock
 * ({@code MISSIVE_CLINIC_HOURS}), so a response time of 0 business days is due as the message arrives
 * and the report's business time is the time that passed.
 */
class ResponseTimesIT extends MissiveIT {

    static final String RESPONSE_BUSINESS_DAYS = "https://missive.dev/fhir/StructureDefinition/response-business-days";
    static final String RESPONSE_DUE = "https://missive.dev/fhir/StructureDefinition/response-due";
    private static final String OVERDUE_INBOX = "Communication?part-of:missing=true&overdue=true&_count=100";

    /** Every escalation is looked for at least this long: the schedule runs every 10 seconds. */
    private static final Duration TWO_RUNS = Duration.ofSeconds(22);

    private final Fhir admin = Fhir.as("admin");
    private final Fhir alice = Fhir.as("alice");
    private final Fhir drlee = Fhir.as("drlee");

    /** Sets the clinic's response time and answers the one it replaced. */
    static int responseTime(int businessDays) {
        Fhir admin = Fhir.as("admin");
        Organization clinic = admin.get("Organization/clinic").as(Organization.class);
        Extension before = clinic.getExtensionByUrl(RESPONSE_BUSINESS_DAYS);
        clinic.getExtension().removeIf(extension -> RESPONSE_BUSINESS_DAYS.equals(extension.getUrl()));
        clinic.addExtension(RESPONSE_BUSINESS_DAYS, new IntegerType(businessDays));
        Fhir.Response saved = admin.put("Organization/clinic", clinic, null);
        assertEquals(200, saved.status(), saved::toString);
        return ((IntegerType) before.getValue()).getValue();
    }

    static List<String> ids(Fhir.Response search) {
        assertEquals(200, search.status(), search::toString);
        return search.bundle().getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static long escalationsAbout(GreenMail mail, String thread) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> Mails.addressedTo(m, "admin@example.com")
                        && Mails.part(m, "text/plain").contains(thread))
                .count();
    }

    @Test
    void anUnansweredThreadIsOverdueForStaffAndEscalatedOnceToTheClinicAdmins(GreenMail mail) throws Exception {
        String thread;
        int before = responseTime(0);
        try {
            thread = Threads.start(alice, Threads.header("alice", "drlee", "Overdue knee"));
            Threads.send(alice, thread, "My knee is swelling again");
        } finally {
            responseTime(before);
        }
        Communication header = drlee.get("Communication/" + thread).as(Communication.class);
        Extension due = header.getExtensionByUrl(RESPONSE_DUE);
        assertTrue(((BooleanType) due.getExtensionByUrl("overdue").getValue()).booleanValue(), "overdue on the header");
        assertTrue(ids(drlee.get(OVERDUE_INBOX)).contains(thread), "in Dr Lee's overdue search");
        assertFalse(ids(Fhir.as("drpatel").get(OVERDUE_INBOX)).contains(thread), "not in anyone else's");
        assertEquals(403, alice.get(OVERDUE_INBOX).status(), "the patient side may not search it");
        assertEquals(
                400,
                drlee.get("Communication?part-of:missing=true&overdue=false").status());
        Fhir.Response count = drlee.get("Communication?part-of:missing=true&overdue=true&_summary=count");
        assertTrue(count.bundle().getTotal() >= 1, count::toString);

        MimeMessage escalation = Mails.await(
                        mail,
                        m -> Mails.addressedTo(m, "admin@example.com")
                                && Mails.part(m, "text/plain").contains(thread))
                .orElseThrow(() -> new AssertionError("no escalation email"));
        String whole = GreenMailUtil.getWholeMessage(escalation).toLowerCase(Locale.ROOT);
        assertFalse(
                whole.contains("knee") || whole.contains("swelling") || whole.contains("alice"),
                "no health information");
        Thread.sleep(TWO_RUNS.toMillis());
        assertEquals(1, escalationsAbout(mail, thread), "escalated once, however often the schedule runs");

        Threads.send(drlee, thread, "Come in tomorrow");
        assertFalse(ids(drlee.get(OVERDUE_INBOX)).contains(thread), "answered: no longer overdue");
        assertFalse(drlee.get("Communication/" + thread).as(Communication.class).hasExtension(RESPONSE_DUE));
    }

    @Test
    void theReportGivesEachPractitionersMedianAndP90ForThreadsWithKnownTimes() throws Exception {
        // Each wait is known within the requests' own time: at least from the question's answer to
        // the reply's request, at most from the question's request to the reply's answer.
        List<Duration[]> waits = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            String thread = Threads.start(alice, Threads.header("alice", "drlee", "Report " + i));
            Instant askedFrom = Instant.now();
            Threads.send(alice, thread, "Question " + i);
            Instant askedBy = Instant.now();
            Threads.send(alice, thread, "A second message does not restart the wait");
            Thread.sleep(500L + 1000L * (2 - i));
            Instant answeredFrom = Instant.now();
            Threads.send(drlee, thread, "Answer " + i);
            Instant answeredBy = Instant.now();
            Threads.send(drlee, thread, "A second reply is not a first reply");
            waits.add(
                    new Duration[] {Duration.between(askedBy, answeredFrom), Duration.between(askedFrom, answeredBy)});
        }
        waits.sort((x, y) -> x[0].compareTo(y[0]));
        String period = "start=" + start + "&end=" + Instant.now();

        Fhir.Response report = admin.get("$response-times?" + period);
        assertEquals(200, report.status(), report::toString);
        Parameters figures = report.as(Parameters.class);
        List<Parameters.ParametersParameterComponent> practitioners = figures.getParameter().stream()
                .filter(p -> p.getName().equals("practitioner"))
                .toList();
        assertEquals(1, practitioners.size(), "only Dr Lee answered in the period: " + report);
        Parameters.ParametersParameterComponent drLee = practitioners.get(0);
        assertEquals("Practitioner/drlee", ((Reference) part(drLee, "practitioner")).getReference());
        assertEquals(3, ((IntegerType) part(drLee, "replies")).getValue());
        assertWithin(waits.get(1), (Quantity) part(drLee, "median"));
        assertWithin(waits.get(2), (Quantity) part(drLee, "p90"));

        assertEquals(403, drlee.get("$response-times?" + period).status(), "staff do not read the report");
        assertEquals(403, alice.get("$response-times?" + period).status());
        assertEquals(400, admin.get("$response-times?start=" + start).status(), "a period has an end");
        assertEquals(
                400,
                admin.get("$response-times?start=" + Instant.now() + "&end=" + start)
                        .status());
    }

    private static org.hl7.fhir.r4.model.Type part(Parameters.ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static void assertWithin(Duration[] bounds, Quantity actual) {
        assertEquals("s", actual.getCode());
        BigDecimal seconds = actual.getValue();
        assertTrue(
                seconds.compareTo(BigDecimal.valueOf(bounds[0].toMillis() - 1, 3)) >= 0
                        && seconds.compareTo(BigDecimal.valueOf(bounds[1].toMillis() + 1, 3)) <= 0,
                seconds + " s is not within " + bounds[0] + " and " + bounds[1]);
    }
}
