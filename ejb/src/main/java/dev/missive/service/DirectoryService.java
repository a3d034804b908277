package dev.missive.service;

import dev.missive.domain.CareTeam;
import dev.missive.domain.Patient;
import dev.missive.domain.Practitioner;
import jakarta.ejb.Local;
import java.util.List;

/**
 * The clinic's directory of patients, practitioners and care teams. The integration engine
 * keeps it in sync; people read the entries they need (themselves, their care team, their
 * patients). An entry the caller may not see is not found.
 */
@Local
public interface DirectoryService {

    /** Creates the entry, or replaces it when {@code expectedVersion} is null or current. */
    Saved<Patient> savePatient(Patient patient, Long expectedVersion);

    Saved<Practitioner> savePractitioner(Practitioner practitioner, Long expectedVersion);

    Saved<CareTeam> saveCareTeam(CareTeam careTeam, Long expectedVersion);

    Patient patient(String id);

    Practitioner practitioner(String id);

    CareTeam careTeam(String id);

    List<Patient> patientsByPortalUsername(String username);

    List<Practitioner> practitionersByPortalUsername(String username);

    List<CareTeam> careTeamsOf(String patientId);
}
