package dev.missive.directory;

import java.util.Optional;
import java.util.Set;

/**
 * The part of the directory a caller may read, as the repositories apply it to every find and
 * search. Unless {@code everything}, an entry is in scope when any of these holds:
 * <ul>
 * <li>it belongs to a patient in {@code patientIds} (a Patient is its own), or to a patient on
 * whose active care team {@code careTeamMember} is;</li>
 * <li>it is a Practitioner, or a PractitionerRole of one, on an active care team of a patient in
 * {@code patientIds};</li>
 * <li>it is a person's entry carrying {@code portalUsername} (their own record).</li>
 * </ul>
 */
public record DirectoryScope(
        boolean everything, Set<String> patientIds, Optional<String> careTeamMember, Optional<String> portalUsername) {

    public static final DirectoryScope EVERYTHING =
            new DirectoryScope(true, Set.of(), Optional.empty(), Optional.empty());

    public DirectoryScope {
        patientIds = Set.copyOf(patientIds);
    }

    public static DirectoryScope ofPatients(Set<String> patientIds) {
        return new DirectoryScope(false, patientIds, Optional.empty(), Optional.empty());
    }

    public DirectoryScope withCareTeamMember(Optional<String> practitionerId) {
        return new DirectoryScope(everything, patientIds, practitionerId, portalUsername);
    }

    public DirectoryScope withPortalUsername(Optional<String> username) {
        return new DirectoryScope(everything, patientIds, careTeamMember, username);
    }

    /** Whether no entry at all can be in scope, so that nothing needs to be asked of the database. */
    public boolean isEmpty() {
        return !everything && patientIds.isEmpty() && careTeamMember.isEmpty() && portalUsername.isEmpty();
    }
}
