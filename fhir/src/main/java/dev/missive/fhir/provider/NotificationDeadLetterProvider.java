package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Operation;
import dev.missive.fhir.mapping.DeadLetterMapper;
import dev.missive.notification.NotificationDeadLetters;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Parameters;

/**
 * {@code GET /$notification-dead-letters} lists the email notifications that failed every
 * attempt; {@code POST /$replay-notifications} queues them again. Clinic admins only.
 */
@ApplicationScoped
public class NotificationDeadLetterProvider {

    @EJB
    NotificationDeadLetters deadLetters;

    @Operation(name = "$notification-dead-letters", idempotent = true)
    public Parameters list() {
        return DeadLetterMapper.toFhir(deadLetters.list());
    }

    @Operation(name = "$replay-notifications")
    public Parameters replay() {
        return DeadLetterMapper.replayed(deadLetters.replay());
    }
}
