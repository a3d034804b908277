package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import dev.missive.directory.DirectoryService;
import dev.missive.fhir.mapping.PatientMapper;
import dev.missive.fhir.mapping.References;
import dev.missive.merge.PatientMerges;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * {@code POST /Patient/$merge} and {@code POST /Patient/$unmerge}, with the parameter names of
 * FHIR R5's {@code $merge}: {@code source-patient} and {@code target-patient} as References
 * (the identifier forms, {@code result-patient}, {@code preview} and {@code delete-source} are
 * not supported). They answer a Parameters with an {@code outcome} and, as {@code result}, the
 * record that stays: the target after a merge, the source after an unmerge.
 */
@ApplicationScoped
public class PatientMergeProvider {

    private static final String SOURCE = "source-patient";
    private static final String TARGET = "target-patient";

    @EJB
    PatientMerges merges;

    @EJB
    DirectoryService directory;

    @Operation(name = "$merge", type = Patient.class)
    @Description(shortDefinition = "Merge a duplicate patient record into another (integration engine, clinic admin)")
    public Parameters merge(
            @OperationParam(name = SOURCE, min = 1, max = 1) Reference source,
            @OperationParam(name = TARGET, min = 1, max = 1) Reference target) {
        String sourceId = References.idOf(source, "Patient", SOURCE);
        String targetId = References.idOf(target, "Patient", TARGET);
        int threads = merges.merge(sourceId, targetId);
        return outcome(
                "Patient/" + sourceId + " was merged into Patient/" + targetId + "; " + threads
                        + " of its threads are closed and hidden from its patient side",
                targetId);
    }

    @Operation(name = "$unmerge", type = Patient.class)
    @Description(shortDefinition = "Undo a patient merge: the record and its threads are restored exactly")
    public Parameters unmerge(@OperationParam(name = SOURCE, min = 1, max = 1) Reference source) {
        String sourceId = References.idOf(source, "Patient", SOURCE);
        int threads = merges.unmerge(sourceId);
        return outcome("Patient/" + sourceId + " was unmerged; " + threads + " of its threads are restored", sourceId);
    }

    private Parameters outcome(String text, String resultId) {
        Parameters parameters = new Parameters();
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(text);
        parameters.addParameter().setName("outcome").setResource(outcome);
        parameters
                .addParameter()
                .setName("result")
                .setResource(PatientMapper.toFhir(directory.read(dev.missive.directory.Patient.class, resultId)));
        return parameters;
    }
}
