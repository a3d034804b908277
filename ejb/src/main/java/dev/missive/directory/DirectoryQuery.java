package dev.missive.directory;

/**
 * What a directory search asks for; every criterion given must hold. A null criterion is not
 * applied. An identifier whose system is null matches that value in any system; a name matches
 * when it is contained, ignoring case, in "given family".
 */
public record DirectoryQuery(String id, Identifier identifier, String patientId, String practitionerId, String name) {

    public static final DirectoryQuery ALL = new DirectoryQuery(null, null, null, null, null);

    public static DirectoryQuery byId(String id) {
        return new DirectoryQuery(id, null, null, null, null);
    }

    public static DirectoryQuery byIdentifier(Identifier identifier) {
        return ALL.withIdentifier(identifier);
    }

    public DirectoryQuery withIdentifier(Identifier identifier) {
        return new DirectoryQuery(id, identifier, patientId, practitionerId, name);
    }

    public DirectoryQuery withPatient(String patientId) {
        return new DirectoryQuery(id, identifier, patientId, practitionerId, name);
    }

    public DirectoryQuery withPractitioner(String practitionerId) {
        return new DirectoryQuery(id, identifier, patientId, practitionerId, name);
    }

    public DirectoryQuery withName(String name) {
        return new DirectoryQuery(id, identifier, patientId, practitionerId, name);
    }
}
