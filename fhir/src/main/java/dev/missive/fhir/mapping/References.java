package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import org.hl7.fhir.r4.model.Reference;

/** Between FHIR references and the domain's parties. */
public final class References {

    private References() {}

    public static Reference to(Party party) {
        return new Reference(typeOf(party.type()) + "/" + party.id());
    }

    public static String typeOf(PartyType type) {
        return switch (type) {
            case PATIENT -> "Patient";
            case PRACTITIONER -> "Practitioner";
            case RELATED_PERSON -> "RelatedPerson";
            case CARE_TEAM -> "CareTeam";
        };
    }

    /** The id of a reference to a resource of the given type, or a 400 naming the element. */
    public static String idOf(Reference reference, String type, String element) {
        if (reference == null
                || reference.getReferenceElement().getIdPart() == null
                || !type.equals(reference.getReferenceElement().getResourceType())) {
            throw new InvalidRequestException(element + " must be a reference to a " + type);
        }
        return reference.getReferenceElement().getIdPart();
    }

    /** The party a reference names: a Patient, a Practitioner or a RelatedPerson; otherwise a 400 naming the element. */
    public static Party partyOf(Reference reference, String element) {
        String type = reference.getReferenceElement().getResourceType();
        String id = reference.getReferenceElement().getIdPart();
        for (PartyType candidate : PartyType.values()) {
            if (id != null && candidate.isPerson() && typeOf(candidate).equals(type)) {
                return new Party(candidate, id);
            }
        }
        throw new InvalidRequestException(element + " must be a reference to a Patient, Practitioner or RelatedPerson");
    }

    public static boolean isTo(Reference reference, String type) {
        return reference != null
                && type.equals(reference.getReferenceElement().getResourceType())
                && reference.getReferenceElement().getIdPart() != null;
    }
}
