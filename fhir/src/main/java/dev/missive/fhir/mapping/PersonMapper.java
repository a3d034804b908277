package dev.missive.fhir.mapping;

import dev.missive.directory.Person;
import dev.missive.fhir.MissiveFhir;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;

/** What the people of the directory share: names, email, the portal account and other identifiers, meta. */
final class PersonMapper {

    private PersonMapper() {}

    static void fromFhir(
            Person person,
            List<Identifier> identifiers,
            List<HumanName> names,
            List<ContactPoint> telecom,
            boolean active) {
        DirectoryMapping.fromFhir(identifiers, person);
        identifiers.stream()
                .filter(identifier -> MissiveFhir.PORTAL_USERNAME.equals(identifier.getSystem()))
                .findFirst()
                .ifPresent(identifier -> person.setPortalUsername(identifier.getValue()));
        if (!names.isEmpty()) {
            HumanName name = names.get(0);
            person.setGivenName(name.getGiven().stream()
                    .map(StringType::getValue)
                    .filter(given -> given != null)
                    .reduce((a, b) -> a + " " + b)
                    .orElse(null));
            person.setFamilyName(name.getFamily());
        }
        telecom.stream()
                .filter(contact -> contact.getSystem() == ContactPoint.ContactPointSystem.EMAIL)
                .findFirst()
                .ifPresent(contact -> person.setEmail(contact.getValue()));
        person.setActive(active);
    }

    static void toFhir(
            Person person,
            DomainResource resource,
            List<Identifier> identifiers,
            List<HumanName> names,
            List<ContactPoint> telecom) {
        DirectoryMapping.toFhir(person, resource, identifiers);
        // An entry read without its identifiers still says which portal account it belongs to.
        if (person.getPortalUsername() != null
                && identifiers.stream()
                        .noneMatch(identifier -> MissiveFhir.PORTAL_USERNAME.equals(identifier.getSystem())
                                && person.getPortalUsername().equals(identifier.getValue()))) {
            identifiers.add(
                    new Identifier().setSystem(MissiveFhir.PORTAL_USERNAME).setValue(person.getPortalUsername()));
        }
        HumanName name = new HumanName().setFamily(person.getFamilyName());
        if (person.getGivenName() != null) {
            name.addGiven(person.getGivenName());
        }
        name.setText(person.displayName());
        names.add(name);
        if (person.getEmail() != null) {
            telecom.add(new ContactPoint()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(person.getEmail()));
        }
    }
}
