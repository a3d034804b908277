package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditOutcome;
import dev.missive.domain.Party;
import dev.missive.fhir.server.AuditsKept.Audited;
import dev.missive.service.NotFoundException;
import dev.missive.service.Page;
import dev.missive.thread.Conversation;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.SendingService;
import dev.missive.thread.ThreadOrMessage;
import dev.missive.thread.ThreadView;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request the endpoint answers, whichever way, hands exactly one record to the audit service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String LOCAL = "127.0.0.1";

    private final ThreadView thread =
            new ThreadView(new Conversation("alice", "drlee", Party.patient("alice"), "general", NOW), null);
    private final AuditsKept audits = new AuditsKept();

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(
            new ReadingServiceStub() {
                @Override
                public ThreadOrMessage communication(String id) {
                    if (!id.equals(thread.conversation().getId())) {
                        throw new NotFoundException("Communication", id);
                    }
                    return new ThreadOrMessage(thread, null);
                }

                @Override
                public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
                    return new Page<>(List.of(thread), 1);
                }
            },
            new Sending(),
            audits);

    @BeforeEach
    void forget() {
        audits.forget();
    }

    @Test
    void aReadIsRecordedWithTheResourceItsPatientAndWhereItCameFrom() throws Exception {
        String id = thread.conversation().getId();
        HttpResponse<byte[]> response =
                endpoint.send(endpoint.request("Communication/" + id).header("X-Forwarded-For", "203.0.113.7"));

        assertEquals(200, response.statusCode());
        assertEquals(
                new Audited(
                        new AuditAccess("read", "Communication", id, null, null, 200, LOCAL, "203.0.113.7", null),
                        Set.of("alice"),
                        true),
                audits.only());
    }

    @Test
    void aSearchIsRecordedAsSearchTypeWithoutItsText() throws Exception {
        assertEquals(
                200,
                endpoint.get("Communication?part-of:missing=true&_content=knee%20pain")
                        .statusCode());

        Audited record = audits.only();
        assertEquals(
                new AuditAccess(
                        "search-type",
                        "Communication",
                        null,
                        null,
                        "_content&part-of:missing=true",
                        200,
                        LOCAL,
                        null,
                        null),
                record.access());
        assertEquals(Set.of("alice"), record.patients());
    }

    @Test
    void aCreateIsRecordedWithTheIdTheServerGave() throws Exception {
        Communication header = new Communication();
        header.setSubject(new Reference("Patient/alice"));
        header.addRecipient(new Reference("Patient/alice"));
        header.addRecipient(new Reference("Practitioner/drlee"));
        String body = endpoint.getFhirContext().newJsonParser().encodeResourceToString(header);
        HttpResponse<byte[]> response = endpoint.send(endpoint.request("Communication")
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(201, response.statusCode());
        String created = new IdType(response.headers().firstValue("Location").orElseThrow()).getIdPart();
        Audited record = audits.only();
        assertEquals("create", record.access().interaction());
        assertEquals(created, record.access().resourceId());
        assertEquals(AuditOutcome.SUCCESS, AuditOutcome.ofStatus(record.access().status()));
    }

    @Test
    void aRefusedRequestIsRecordedWithItsStatus() throws Exception {
        assertEquals(404, endpoint.get("Communication/someone-elses").statusCode());

        AuditAccess access = audits.only().access();
        assertEquals("read", access.interaction());
        assertEquals("someone-elses", access.resourceId());
        assertEquals(404, access.status());
        assertEquals(AuditOutcome.MINOR_FAILURE, AuditOutcome.ofStatus(access.status()));
    }

    @Test
    void aRequestWithoutTokenIsRecordedWithoutCallerByItsMethod() throws Exception {
        String id = thread.conversation().getId();
        assertEquals(
                401, endpoint.send(endpoint.anonymous("Communication/" + id)).statusCode());

        // refused before HAPI read the URL: named by its HTTP method alone
        assertEquals(
                new Audited(
                        new AuditAccess("http-get", null, null, null, null, 401, LOCAL, null, null), Set.of(), false),
                audits.only());
    }

    /** Starts the thread asked for, as the caller. */
    private static final class Sending implements SendingService {

        @Override
        public ThreadView start(NewThread request) {
            return new ThreadView(
                    new Conversation(
                            request.patientId(),
                            request.practitionerId(),
                            Party.practitioner(StubbedEndpoint.CALLER),
                            request.category(),
                            NOW),
                    null);
        }

        @Override
        public Message send(NewMessage request) {
            throw new UnsupportedOperationException();
        }
    }
}
