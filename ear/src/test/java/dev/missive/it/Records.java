package dev.missive.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Fresh directory records the integration engine writes for one test, under unique ids, and
 * released after it, so that what the demo accounts read of the directory stays the demo clinic
 * the other tests rely on.
 */
final class Records {

    private Records() {}

    /** A new patient on Dr Lee's care team (no email: nobody is notified), answering its id. */
    static String patientOfDrLee(Fhir integration, String prefix) {
        return patientOf(integration, prefix, "drlee");
    }

    /** A new patient on that practitioner's care team (no email: nobody is notified), answering its id. */
    static String patientOf(Fhir integration, String prefix, String practitionerId) {
        String id = prefix + "-" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.setId(id);
        patient.setActive(true);
        patient.addName().setFamily("Test").addGiven(prefix);
        put(integration, "Patient/" + id, patient);
        CareTeam team = careTeam(id, false);
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.addParticipant().setMember(new Reference("Practitioner/" + practitionerId));
        put(integration, "CareTeam/careteam-" + id, team);
        return id;
    }

    /** Gina as a proxy of that patient (no email). */
    static void ginaFor(Fhir integration, String patientId) {
        RelatedPerson gina = proxy(patientId, true);
        gina.addIdentifier().setSystem(Directory.PORTAL_USERNAME).setValue("gina");
        put(integration, "RelatedPerson/gina-for-" + patientId, gina);
    }

    /** Dr Lee leaves the patient's care team (inactive, nobody on it); Gina, if she was a proxy, too. */
    static void release(Fhir integration, String patientId, boolean hadGina) {
        put(integration, "CareTeam/careteam-" + patientId, careTeam(patientId, false));
        if (hadGina) {
            // Inactive and no longer linked to her account: she does not even list it.
            put(integration, "RelatedPerson/gina-for-" + patientId, proxy(patientId, false));
        }
    }

    private static CareTeam careTeam(String patientId, boolean withDrLee) {
        CareTeam team = new CareTeam().setSubject(new Reference("Patient/" + patientId));
        team.setId("careteam-" + patientId);
        team.setStatus(withDrLee ? CareTeam.CareTeamStatus.ACTIVE : CareTeam.CareTeamStatus.INACTIVE);
        if (withDrLee) {
            team.addParticipant().setMember(new Reference("Practitioner/drlee"));
        }
        return team;
    }

    private static RelatedPerson proxy(String patientId, boolean active) {
        RelatedPerson gina = new RelatedPerson(new Reference("Patient/" + patientId));
        gina.setId("gina-for-" + patientId);
        gina.setActive(active);
        gina.addName().setFamily("Moreau").addGiven("Gina");
        return gina;
    }

    private static void put(Fhir integration, String path, Resource resource) {
        Fhir.Response response = integration.put(path, resource, null);
        assertTrue(response.status() == 200 || response.status() == 201, response::toString);
    }
}
