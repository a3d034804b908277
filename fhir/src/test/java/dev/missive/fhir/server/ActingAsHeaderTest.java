package dev.missive.fhir.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.domain.Party;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import dev.missive.thread.ThreadOrMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * X-Missive-Acting-As: the entry it names is handed to the services before any handler runs (a
 * handler reached answers 404 here); a malformed one is 400 and one the services refuse is 403,
 * both before a handler; without it nothing is chosen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActingAsHeaderTest {

    private final List<Party> chosen = new ArrayList<>();
    private final List<String> reached = new ArrayList<>();

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(
            new CallerContext() {
                @Override
                public Caller current() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void actAs(Party entry) {
                    if (!entry.id().equals("own")) {
                        throw new ForbiddenException("not the account's");
                    }
                    chosen.add(entry);
                }

                @Override
                public void actingFor(Party practitioner) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<Party> onBehalfOf() {
                    return Optional.empty();
                }
            },
            new ReadingServiceStub() {
                @Override
                public ThreadOrMessage communication(String id) {
                    reached.add(id);
                    throw new NotFoundException("Communication", id);
                }
            });

    @BeforeEach
    void nothingYet() {
        chosen.clear();
        reached.clear();
    }

    private int status(String header) throws Exception {
        var request = endpoint.request("Communication/t1").GET();
        if (header != null) {
            request.header(ActingAsHeader.HEADER, header);
        }
        return endpoint.send(request).statusCode();
    }

    @Test
    void theNamedEntryIsChosenBeforeTheHandlerRuns() throws Exception {
        assertEquals(404, status("Patient/own"));
        assertEquals(404, status(" Practitioner/own "));
        assertEquals(List.of(Party.patient("own"), Party.practitioner("own")), chosen);
        assertEquals(List.of("t1", "t1"), reached);
    }

    @Test
    void withoutTheHeaderNothingIsChosen() throws Exception {
        assertEquals(404, status(null));
        assertEquals(List.of(), chosen);
    }

    @Test
    void aMalformedOrRefusedEntryStopsTheRequest() throws Exception {
        for (String malformed : List.of("own", "RelatedPerson/own", "Patient/", "Patient/a b", "Patient/own/x")) {
            assertEquals(400, status(malformed), malformed);
        }
        assertEquals(403, status("Patient/someone-else"));
        assertEquals(List.of(), chosen);
        assertEquals(List.of(), reached, "no handler ran");
    }
}
