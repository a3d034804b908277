package dev.missive.fhir.mapping;

import dev.missive.notification.DeadLetter;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * Failed notification requests as the output of {@code $notification-dead-letters}: one
 * {@code dead-letter} parameter each, with references and counts only.
 */
public final class DeadLetterMapper {

    private DeadLetterMapper() {}

    public static Parameters toFhir(List<DeadLetter> deadLetters) {
        Parameters parameters = new Parameters();
        parameters.addParameter("total", new IntegerType(deadLetters.size()));
        for (DeadLetter deadLetter : deadLetters) {
            Parameters.ParametersParameterComponent entry =
                    parameters.addParameter().setName("dead-letter");
            entry.addPart().setName("message").setValue(new Reference("Communication/" + deadLetter.messageId()));
            entry.addPart().setName("thread").setValue(new Reference("Communication/" + deadLetter.conversationId()));
            entry.addPart().setName("recipient").setValue(References.to(deadLetter.recipient()));
            entry.addPart().setName("attempts").setValue(new IntegerType(deadLetter.attempts()));
            entry.addPart().setName("queued").setValue(new InstantType(Date.from(deadLetter.queued())));
        }
        return parameters;
    }

    public static Parameters replayed(int count) {
        return new Parameters().addParameter("replayed", new IntegerType(count));
    }
}
