package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.missive.directory.Identifier;
import dev.missive.service.IdentifierTakenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.testing.TestClinic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommunicationIdentifiersTest {

    private static final Identifier EHR_MESSAGE = new Identifier("https://ehr.example.org/message", "M-1");

    private final TestClinic clinic = new TestClinic();
    private final CommunicationIdentifiers identifiers = clinic.bean(CommunicationIdentifiers.class);

    @Test
    void anIdentifierNamesOneCommunicationOfTheAccountThatGaveIt() {
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        identifiers.record(thread, List.of(EHR_MESSAGE));
        assertEquals(Optional.of(thread), identifiers.find(EHR_MESSAGE));
        assertEquals(Optional.empty(), identifiers.find(new Identifier(null, "M-1")), "the system is part of it");

        clinic.actAs("drlee");
        assertEquals(Optional.empty(), identifiers.find(EHR_MESSAGE), "another account's identifiers are its own");
        identifiers.record(thread, List.of(EHR_MESSAGE));
        assertEquals(Optional.of(thread), identifiers.find(EHR_MESSAGE));
    }

    @Test
    void anIdentifierGivenTwiceByOneAccountIsRefused() {
        clinic.actAs("alice");
        String first = clinic.start("alice", "drlee");
        String second = clinic.start("alice", "drlee");
        identifiers.record(first, List.of(EHR_MESSAGE));
        assertThrows(IdentifierTakenException.class, () -> identifiers.record(second, List.of(EHR_MESSAGE)));
        assertEquals(Optional.of(first), identifiers.find(EHR_MESSAGE));
    }

    @Test
    void aBlankOrOverlongIdentifierIsRefused() {
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        for (Identifier bad : List.of(new Identifier("s", " "), new Identifier("s", "v".repeat(256)))) {
            assertThrows(InvalidRequestException.class, () -> identifiers.record(thread, List.of(bad)));
        }
    }

    @Test
    void theIdentifiersOfCommunicationsAreReadBackAndFoundWhoeverGaveThem() {
        clinic.actAs("alice");
        String thread = clinic.start("alice", "drlee");
        String untagged = clinic.start("alice", "drlee");
        Identifier noSystem = new Identifier(null, "M-1");
        identifiers.record(thread, List.of(EHR_MESSAGE, noSystem));
        clinic.actAs("drlee");
        String drLees = clinic.start("alice", "drlee");
        identifiers.record(drLees, List.of(EHR_MESSAGE));

        Map<String, List<Identifier>> carried = identifiers.carriedBy(List.of(thread, untagged, drLees));
        assertEquals(Set.of(EHR_MESSAGE, noSystem), Set.copyOf(carried.get(thread)));
        assertEquals(List.of(EHR_MESSAGE), carried.get(drLees));
        assertFalse(carried.containsKey(untagged));

        assertEquals(Set.of(thread, drLees), Set.copyOf(identifiers.carrying(EHR_MESSAGE, 10)));
        assertEquals(
                Set.of(thread, drLees),
                Set.copyOf(identifiers.carrying(new Identifier(null, "M-1"), 10)),
                "any system");
        assertEquals(List.of(thread), identifiers.carrying(new Identifier("", "M-1"), 10), "no system");
        assertEquals(1, identifiers.carrying(EHR_MESSAGE, 1).size());
    }
}
