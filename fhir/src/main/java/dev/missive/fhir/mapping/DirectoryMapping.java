package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.DirectoryEntry;
import dev.missive.fhir.MissiveFhir;
import dev.missive.policy.ClinicPolicy;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
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

    /** The message types each {@code message-types} extension names: a code from the message-type CodeSystem, or a 400. */
    static Set<String> messageTypes(DomainResource resource) {
        Set<String> types = new LinkedHashSet<>();
        for (Extension messageType : resource.getExtensionsByUrl(MissiveFhir.MESSAGE_TYPES)) {
            if (!(messageType.getValue() instanceof CodeType code)
                    || code.getValue() == null
                    || !ClinicPolicy.MESSAGE_TYPES.contains(code.getValue())) {
                throw new InvalidRequestException(
                        "Each message-types extension is a code from " + MissiveFhir.MESSAGE_TYPE);
            }
            types.add(code.getValue());
        }
        return types;
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
