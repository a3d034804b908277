package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit trail's records are numbered: an id that is no number a record can have is unknown. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventReadTest {

    private static final TestToken ADMIN = new TestToken("admin", "clinic-admin", "user/*.cruds");

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint();

    @Test
    void anIdThatIsNoRecordNumberIs404BeforeTheTrailIsAsked() throws Exception {
        // digits beyond a long were a 500 (found by the fuzzer); the trail is not stubbed: asking it would be too
        for (String id : new String[] {"9223372036854775808", "99999999999999999999", "abc"}) {
            var response =
                    endpoint.send(endpoint.request("AuditEvent/" + id, ADMIN).GET());

            assertEquals(
                    404, response.statusCode(), () -> id + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
