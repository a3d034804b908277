package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Identifier;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class EpisodeOfCareMapperTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private static EpisodeOfCare knee() {
        EpisodeOfCare resource = new EpisodeOfCare();
        resource.addIdentifier().setSystem("urn:ehr:episode").setValue("E-1");
        resource.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        resource.setPatient(new Reference("Patient/alice"));
        resource.addType(new CodeableConcept().setText("Knee rehabilitation"));
        resource.setPeriod(new Period().setStart(Date.from(START)));
        return resource;
    }

    @Test
    void theChartsNameIsTheFirstTypesText() {
        dev.missive.directory.EpisodeOfCare episode = EpisodeOfCareMapper.fromFhir(knee(), "episode-alice-knee");
        assertEquals("Knee rehabilitation", episode.getName());
        assertEquals("active", episode.getStatus());
        assertEquals("alice", episode.getPatientId());
        assertEquals(START, episode.getPeriod().start());
        assertNull(episode.getPeriod().end());
        assertEquals(Set.of(new Identifier("urn:ehr:episode", "E-1")), episode.getIdentifiers());
    }

    @Test
    void itReadsBackAsItWasWritten() {
        dev.missive.directory.EpisodeOfCare episode = EpisodeOfCareMapper.fromFhir(knee(), "episode-alice-knee");
        episode.setStatus("finished");
        episode.touch(START);
        EpisodeOfCare resource = EpisodeOfCareMapper.toFhir(episode);
        assertEquals(EpisodeOfCare.EpisodeOfCareStatus.FINISHED, resource.getStatus());
        assertEquals("Knee rehabilitation", resource.getTypeFirstRep().getText());
        assertEquals("Patient/alice", resource.getPatient().getReference());
        assertEquals("E-1", resource.getIdentifierFirstRep().getValue());
        assertEquals("1", resource.getMeta().getVersionId());
    }

    @Test
    void statusAndPatientAreRequired() {
        EpisodeOfCare noStatus = knee();
        noStatus.setStatus(null);
        assertThrows(InvalidRequestException.class, () -> EpisodeOfCareMapper.fromFhir(noStatus, null));
        EpisodeOfCare noPatient = knee();
        noPatient.setPatient(null);
        assertThrows(InvalidRequestException.class, () -> EpisodeOfCareMapper.fromFhir(noPatient, null));
    }
}
