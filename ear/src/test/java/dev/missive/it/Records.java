package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Fresh directory records the integration engine writes for one test, under unique ids, so that
 * the demo clinic the other tests rely on stays as it was.
 */
final class Records {

    private Records() {
    }

    /** A new patient on Dr Lee's care team (no email: nobody is notified), answering its id. */
    static String patientOfDrLee(Fhir integration, String prefix) {
        String id = prefix + "-" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.setId(id);
        patient.setActive(true);
        patient.addName().setFamily("Test").addGiven(prefix);
        put(integration, "Patient/" + id, patient);
        CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + id));
        team.setId("careteam-" + id);
        team.addParticipant().setMember(new Reference("Practitioner/drlee"));
        put(integration, "CareTeam/careteam-" + id, team);
        return id;
    }

    /** Gina as a proxy of that patient (no email), active or not; answers the RelatedPerson's id. */
    static String ginaFor(Fhir integration, String patientId, boolean active) {
        String id = "gina-for-" + patientId;
        RelatedPerson gina = new RelatedPerson(new Reference("Patient/" + patientId));
        gina.setId(id);
        gina.setActive(active);
        gina.addIdentifier().setSystem(Directory.PORTAL_USERNAME).setValue("gina");
        gina.addName().setFamily("Moreau").addGiven("Gina");
        put(integration, "RelatedPerson/" + id, gina);
        return id;
    }

    private static void put(Fhir integration, String path, Resource resource) {
        Fhir.Response response = integration.put(path, resource, null);
        assertTrue(response.status() == 200 || response.status() == 201, response::toString);
    }
}
