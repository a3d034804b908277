package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.StorageFullException;
import dev.missive.service.TooLargeException;
import dev.missive.service.UnsupportedContentException;
import dev.missive.service.VersionConflictException;
import dev.missive.thread.ThreadOrMessage;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client sees when a service refuses or fails: a read of {@code Communication/{id}}
 * throws whatever the id names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceExceptionInterceptorTest {

    private static final String INTERNAL_DETAIL = "connection to db-7 refused by dev.missive.persistence";

    private final Map<String, Supplier<RuntimeException>> failures = Map.ofEntries(
            Map.entry("missing", () -> new NotFoundException("Communication", "missing")),
            Map.entry("forbidden", () -> new ForbiddenException("Integration accounts do not read threads")),
            Map.entry("access-denied", () -> new EJBAccessException("WFLYEJB0364: Invocation is not allowed")),
            Map.entry("malformed", () -> new InvalidRequestException("Search text needs at least 3 characters")),
            Map.entry("closed", () -> new RuleViolationException(Rule.THREAD_CLOSED, "The thread is closed")),
            Map.entry("too-large", () -> new TooLargeException(Rule.ATTACHMENT_TOO_LARGE, "At most 25 MB")),
            Map.entry(
                    "unsupported",
                    () -> new UnsupportedContentException(
                            Rule.ATTACHMENT_TYPE_UNSUPPORTED, "JPEG, PDF, DOCX or MP4 only")),
            Map.entry("stale", () -> new VersionConflictException("Communication", "stale")),
            Map.entry("concurrent", OptimisticLockException::new),
            Map.entry("concurrent-wrapped", () -> new EJBException(new OptimisticLockException())),
            Map.entry("unexpected", () -> new IllegalStateException(INTERNAL_DETAIL)),
            Map.entry(
                    "database-down",
                    () -> new EJBException(
                            new PersistenceException(new SQLException("Connection to db-7:5432 refused", "08001")))),
            Map.entry("storage-full", () -> new StorageFullException("No room for this file just now")),
            Map.entry("bad-escape", ServiceExceptionInterceptorTest::malformedEscape));

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(new ReadingServiceStub() {
        @Override
        public ThreadOrMessage communication(String id) {
            throw failures.get(id).get();
        }
    });

    @Test
    void whatTheCallerMayNotSeeIs404() throws Exception {
        HttpResponse<byte[]> response = read("missing");

        assertEquals(404, response.statusCode());
        assertEquals("Communication/missing is not known", issue(response).getDiagnostics());
    }

    @Test
    void aRoleThatMayNotAskIs403() throws Exception {
        assertEquals(403, read("forbidden").statusCode());
    }

    @Test
    void aMethodTheContainerRefusesTheCallerIs403WithoutItsMessage() throws Exception {
        HttpResponse<byte[]> response = read("access-denied");

        assertEquals(403, response.statusCode());
        assertFalse(body(response).contains("WFLYEJB"));
    }

    @Test
    void aMalformedRequestIs400WithItsReason() throws Exception {
        HttpResponse<byte[]> response = read("malformed");

        assertEquals(400, response.statusCode());
        assertEquals("Search text needs at least 3 characters", issue(response).getDiagnostics());
    }

    @Test
    void aRuleViolationIs422WithItsCode() throws Exception {
        HttpResponse<byte[]> response = read("closed");

        assertEquals(422, response.statusCode());
        OperationOutcomeIssueComponent issue = issue(response);
        assertEquals(OperationOutcome.IssueType.BUSINESSRULE, issue.getCode());
        assertRule(Rule.THREAD_CLOSED, issue);
        assertEquals("The thread is closed", issue.getDiagnostics());
    }

    @Test
    void anAttachmentOverTheLimitIs413WithItsRule() throws Exception {
        HttpResponse<byte[]> response = read("too-large");

        assertEquals(413, response.statusCode());
        assertRule(Rule.ATTACHMENT_TOO_LARGE, issue(response));
    }

    @Test
    void contentOfAnUnsupportedTypeIs415WithItsRule() throws Exception {
        HttpResponse<byte[]> response = read("unsupported");

        assertEquals(415, response.statusCode());
        assertRule(Rule.ATTACHMENT_TYPE_UNSUPPORTED, issue(response));
    }

    @Test
    void anEditOfAStaleVersionIs412() throws Exception {
        HttpResponse<byte[]> response = read("stale");

        assertEquals(412, response.statusCode());
        assertEquals(
                "Communication/stale has changed since the version given",
                issue(response).getDiagnostics());
    }

    @Test
    void aChangeRacingAnotherIs409EvenWrappedByTheContainer() throws Exception {
        assertEquals(409, read("concurrent").statusCode());
        assertEquals(409, read("concurrent-wrapped").statusCode());
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfterAndNothingInternal() throws Exception {
        HttpResponse<byte[]> response = read("database-down");

        assertEquals(503, response.statusCode());
        assertEquals("10", response.headers().firstValue("Retry-After").orElse(null));
        assertFalse(body(response).contains("db-7"), body(response));
    }

    @Test
    void aFullAttachmentStoreIs507WithRetryAfterAndItsReason() throws Exception {
        HttpResponse<byte[]> response = read("storage-full");

        assertEquals(507, response.statusCode());
        assertEquals("60", response.headers().firstValue("Retry-After").orElse(null));
        assertEquals("No room for this file just now", issue(response).getDiagnostics());
    }

    @Test
    void anUnexpectedFailureIs500NamingOnlyAReferenceToTheLog() throws Exception {
        HttpResponse<byte[]> response = read("unexpected");

        assertEquals(500, response.statusCode());
        String body = body(response);
        assertTrue(
                issue(response)
                        .getDiagnostics()
                        .matches("The server could not complete the request \\(reference [0-9a-f-]{36}\\)"),
                body);
        for (String internal : new String[] {"db-7", "dev.missive", "java.", "Exception", "\tat ", "\\tat "}) {
            assertFalse(body.contains(internal), () -> "the 500 tells " + internal + ": " + body);
        }
    }

    @Test
    void aMalformedPercentEscapeIs400() throws Exception {
        HttpResponse<byte[]> response = read("bad-escape");

        assertEquals(400, response.statusCode());
        assertEquals("The URL holds a malformed percent escape", issue(response).getDiagnostics());
    }

    /** What the JDK throws for {@code %PD}, as HAPI decodes a path. */
    private static RuntimeException malformedEscape() {
        try {
            URLDecoder.decode("%PD", StandardCharsets.UTF_8);
            throw new AssertionError("%PD decoded");
        } catch (IllegalArgumentException thrown) {
            return thrown;
        }
    }

    private HttpResponse<byte[]> read(String id) throws Exception {
        return endpoint.get("Communication/" + id);
    }

    private OperationOutcomeIssueComponent issue(HttpResponse<byte[]> response) {
        OperationOutcome outcome = endpoint.parse(OperationOutcome.class, response);
        assertEquals(1, outcome.getIssue().size(), () -> "one issue: " + body(response));
        OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertEquals(OperationOutcome.IssueSeverity.ERROR, issue.getSeverity());
        return issue;
    }

    private static void assertRule(Rule rule, OperationOutcomeIssueComponent issue) {
        Coding coding = issue.getDetails().getCodingFirstRep();
        // the published system, which clients match on
        assertEquals("https://missive.dev/fhir/CodeSystem/rule", coding.getSystem());
        assertEquals(rule.code(), coding.getCode());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
