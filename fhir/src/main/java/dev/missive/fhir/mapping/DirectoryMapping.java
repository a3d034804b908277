package dev.missive.fhir.mapping;

import dev.missive.directory.DirectoryEntry;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;

/** What every directory resource shares: id, version and last update, identifiers, periods. */
final class DirectoryMapping {

    private DirectoryMapping() {}

    /** Keeps every identifier that has a value: they are how integration engines find the entry again. */
    static void fromFhir(List<Identifier> identifiers, DirectoryEntry entry) {
        entry.getIdentifiers().addAll(fromFhir(identifiers));
    }

    /** Every identifier that has a value. */
    static List<dev.missive.directory.Identifier> fromFhir(List<Identifier> identifiers) {
        return identifiers.stream()
                .filter(Identifier::hasValue)
                .map(identifier -> new dev.missive.directory.Identifier(identifier.getSystem(), identifier.getValue()))
                .toList();
    }

    static void toFhir(DirectoryEntry entry, Resource resource, List<Identifier> identifiers) {
        VersionIds.setMeta(resource, entry.getId(), entry.getVersion(), entry.getLastUpdated());
        identifiers.addAll(toFhir(entry.getIdentifiers()));
    }

    static List<Identifier> toFhir(Collection<dev.missive.directory.Identifier> identifiers) {
        return identifiers.stream()
                .map(identifier ->
                        new Identifier().setSystem(identifier.system()).setValue(identifier.value()))
                .toList();
    }

    static dev.missive.directory.Period fromFhir(Period period) {
        return new dev.missive.directory.Period(
                period.hasStart() ? period.getStart().toInstant() : null,
                period.hasEnd() ? period.getEnd().toInstant() : null);
    }

    /** The period, or null when neither end is known. */
    static Period toFhir(dev.missive.directory.Period period) {
        if (period.start() == null && period.end() == null) {
            return null;
        }
        Period fhir = new Period();
        if (period.start() != null) {
            fhir.setStart(Date.from(period.start()));
        }
        if (period.end() != null) {
            fhir.setEnd(Date.from(period.end()));
        }
        return fhir;
    }
}
