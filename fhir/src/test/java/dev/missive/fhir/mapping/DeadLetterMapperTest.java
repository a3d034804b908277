package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.notification.DeadLetter;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class DeadLetterMapperTest {

    @Test
    void listsIdsAttemptsAndTimeOnly() {
        Instant queued = Instant.parse("2026-11-22T01:00:00Z");
        Parameters parameters = DeadLetterMapper.toFhir(
                List.of(new DeadLetter("m1", "t1", new Party(PartyType.RELATED_PERSON, "gina-for-ben"), 6, queued)));

        assertEquals(1, ((IntegerType) parameters.getParameter("total").getValue()).getValue());
        Parameters.ParametersParameterComponent entry =
                parameters.getParameter().get(1);
        assertEquals("dead-letter", entry.getName());
        assertEquals(
                List.of("message", "thread", "recipient", "attempts", "queued"),
                entry.getPart().stream()
                        .map(Parameters.ParametersParameterComponent::getName)
                        .toList());
        assertEquals("Communication/m1", ((Reference) entry.getPart().get(0).getValue()).getReference());
        assertEquals("Communication/t1", ((Reference) entry.getPart().get(1).getValue()).getReference());
        assertEquals(
                "RelatedPerson/gina-for-ben",
                ((Reference) entry.getPart().get(2).getValue()).getReference());
        assertEquals(6, ((IntegerType) entry.getPart().get(3).getValue()).getValue());
        assertEquals(
                queued,
                ((InstantType) entry.getPart().get(4).getValue()).getValue().toInstant());
    }

    @Test
    void replayAnswersTheCount() {
        assertEquals(
                3,
                ((IntegerType) DeadLetterMapper.replayed(3)
                                .getParameter("replayed")
                                .getValue())
                        .getValue());
    }
}
