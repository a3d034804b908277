package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.StaffPreferences;
import dev.missive.fhir.mapping.PractitionerMapper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * {@code POST Practitioner/{id}/$set-email-notifications}: a practitioner switches their own
 * email notifications on or off ({@code enabled}), and reads their Practitioner back. The rest of
 * the entry stays the integration engine's to write.
 */
@ApplicationScoped
public class EmailNotificationsProvider {

    @EJB
    StaffPreferences preferences;

    @Operation(name = "$set-email-notifications", type = Practitioner.class)
    @Description(shortDefinition = "Switches the practitioner's own email notifications about new messages")
    public Practitioner setEmailNotifications(
            @IdParam IdType practitioner, @OperationParam(name = "enabled", min = 1, max = 1) BooleanType enabled) {
        if (enabled == null || enabled.getValue() == null) {
            throw new InvalidRequestException("enabled (a boolean) says whether to email about new messages");
        }
        return PractitionerMapper.toFhir(
                preferences.setEmailNotifications(practitioner.getIdPart(), enabled.getValue()));
    }
}
