package dev.missive.fhir.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.directory.Identifier;
import dev.missive.domain.Party;
import dev.missive.fhir.server.ReadingServiceStub;
import dev.missive.fhir.server.StubbedEndpoint;
import dev.missive.service.NotFoundException;
import dev.missive.service.Page;
import dev.missive.thread.CommunicationIdentifiers;
import dev.missive.thread.Message;
import dev.missive.thread.ThreadOrMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The identifiers clients gave Communications: shown on every read, and found again by search. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentifiersOnCommunicationsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Identifier EHR_ID = new Identifier("urn:ehr:message", "m-1");

    private final Message tagged = message("Tagged by the EHR");
    private final Message plain = message("No identifier");
    /** Carries the same identifier (another account gave it), but the caller may not see it. */
    private final Message someoneElses = message("Not the caller's");

    private final Map<String, Message> visible =
            List.of(tagged, plain).stream().collect(Collectors.toMap(Message::getId, Function.identity()));

    @RegisterExtension
    final StubbedEndpoint endpoint = new StubbedEndpoint(
            new ReadingServiceStub() {
                @Override
                public ThreadOrMessage communication(String id) {
                    Message message = visible.get(id);
                    if (message == null) {
                        throw new NotFoundException("Communication", id);
                    }
                    return new ThreadOrMessage(null, message);
                }

                @Override
                public Page<Message> messagePage(String conversationId, int limit) {
                    return new Page<>(List.of(tagged, plain), 2);
                }
            },
            new CommunicationIdentifiers() {
                @Override
                public Optional<String> find(Identifier identifier) {
                    return Optional.empty();
                }

                @Override
                public void record(String communicationId, Collection<Identifier> identifiers) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Map<String, List<Identifier>> carriedBy(Collection<String> communicationIds) {
                    return communicationIds.contains(tagged.getId())
                            ? Map.of(tagged.getId(), List.of(EHR_ID))
                            : Map.of();
                }

                @Override
                public List<String> carrying(Identifier identifier, int limit) {
                    return identifier.value().equals(EHR_ID.value())
                                    && (identifier.system() == null
                                            || identifier.system().equals(EHR_ID.system()))
                            ? List.of(someoneElses.getId(), tagged.getId())
                            : List.of();
                }
            });

    @Test
    void aReadShowsTheIdentifiersItsAuthorGave() throws Exception {
        Communication read = endpoint.parse(Communication.class, endpoint.get("Communication/" + tagged.getId()));

        assertEquals(List.of("urn:ehr:message|m-1"), tokens(read));
        assertEquals(
                List.of(), tokens(endpoint.parse(Communication.class, endpoint.get("Communication/" + plain.getId()))));
    }

    @Test
    void aThreadsMessagesShowTheirs() throws Exception {
        Bundle page = endpoint.parse(Bundle.class, endpoint.get("Communication?part-of=Communication/t1"));

        assertEquals(
                List.of(List.of("urn:ehr:message|m-1"), List.of()),
                page.getEntry().stream()
                        .map(entry -> tokens((Communication) entry.getResource()))
                        .toList());
    }

    @Test
    void anIdentifierFindsWhatTheCallerMaySeeAndNothingElse() throws Exception {
        for (String search : List.of("identifier=urn:ehr:message%7Cm-1", "identifier=m-1")) {
            HttpResponse<byte[]> response = endpoint.get("Communication?" + search);

            assertEquals(200, response.statusCode(), search);
            Bundle found = endpoint.parse(Bundle.class, response);
            assertEquals(
                    List.of(tagged.getId()),
                    found.getEntry().stream()
                            .map(entry -> entry.getResource().getIdElement().getIdPart())
                            .toList(),
                    search);
            assertEquals(1, found.getTotal(), search);
        }
        assertEquals(
                0,
                endpoint.parse(Bundle.class, endpoint.get("Communication?identifier=other%7Cm-1"))
                        .getTotal());
    }

    @Test
    void anIdentifierIsSearchedAlone() throws Exception {
        assertEquals(
                400,
                endpoint.get("Communication?identifier=m-1&part-of:missing=true")
                        .statusCode());
        assertEquals(400, endpoint.get("Communication?identifier:text=m-1").statusCode());
    }

    private static List<String> tokens(Communication communication) {
        return communication.getIdentifier().stream()
                .map(identifier -> identifier.getSystem() + "|" + identifier.getValue())
                .toList();
    }

    private static Message message(String text) {
        return new Message("t1", Party.patient("alice"), Party.practitioner("drlee"), text, null, NOW);
    }
}
