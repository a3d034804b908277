package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * RelatedPerson resources to and from the directory's proxies: who may act for which patient
 * (patient, active, period), how they are related, and the portal account they sign in with.
 */
public final class RelatedPersonMapper {

    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    private static final int MAX_RELATIONSHIP_LENGTH = 40;

    private RelatedPersonMapper() {}

    public static dev.missive.directory.RelatedPerson fromFhir(RelatedPerson resource, String id) {
        dev.missive.directory.RelatedPerson proxy = new dev.missive.directory.RelatedPerson(id);
        PersonMapper.fromFhir(
                proxy,
                resource.getIdentifier(),
                resource.getName(),
                resource.getTelecom(),
                !resource.hasActive() || resource.getActive());
        proxy.setPatientId(References.idOf(resource.getPatient(), "Patient", "RelatedPerson.patient"));
        resource.getRelationship().stream()
                .flatMap(relationship -> relationship.getCoding().stream())
                .filter(coding -> ROLE_CODE.equals(coding.getSystem()) && coding.hasCode())
                .findFirst()
                .ifPresent(coding -> proxy.setRelationship(relationship(coding.getCode())));
        proxy.setPeriod(DirectoryMapping.fromFhir(resource.getPeriod()));
        return proxy;
    }

    public static RelatedPerson toFhir(dev.missive.directory.RelatedPerson proxy) {
        RelatedPerson resource = new RelatedPerson();
        PersonMapper.toFhir(proxy, resource, resource.getIdentifier(), resource.getName(), resource.getTelecom());
        resource.setActive(proxy.isActive());
        resource.setPatient(new Reference("Patient/" + proxy.getPatientId()));
        if (proxy.getRelationship() != null) {
            resource.addRelationship(new CodeableConcept(new Coding(ROLE_CODE, proxy.getRelationship(), null)));
        }
        resource.setPeriod(DirectoryMapping.toFhir(proxy.getPeriod()));
        return resource;
    }

    private static String relationship(String code) {
        if (code.length() > MAX_RELATIONSHIP_LENGTH) {
            throw new InvalidRequestException("RelatedPerson.relationship must be a v3 RoleCode");
        }
        return code;
    }
}
