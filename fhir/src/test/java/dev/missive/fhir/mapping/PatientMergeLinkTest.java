package dev.missive.fhir.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class PatientMergeLinkTest {

    @Test
    void aMergedAwayRecordIsReplacedByItsTargetAndALinkInAnUpdateIsIgnored() {
        dev.missive.directory.Patient duplicate = new dev.missive.directory.Patient("duplicate");
        duplicate.touch(Instant.parse("2026-11-21T10:00:00Z"));
        assertFalse(PatientMapper.toFhir(duplicate).hasLink());

        duplicate.mergeInto("alice");
        Patient merged = PatientMapper.toFhir(duplicate);
        assertEquals(Patient.LinkType.REPLACEDBY, merged.getLinkFirstRep().getType());
        assertEquals("Patient/alice", merged.getLinkFirstRep().getOther().getReference());
        assertFalse(merged.getActive());

        Patient update = new Patient();
        update.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/ben"));
        assertFalse(PatientMapper.fromFhir(update, "carl").isMergedAway());
    }
}
