package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.directory.Identifier;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.service.IdentifierTakenException;
import dev.missive.service.UnitOfWork;
import dev.missive.thread.CommunicationIdentifiers;
import dev.missive.thread.ReadingService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Communication;

/**
 * Creates of Communications that carry identifiers: the identifiers are recorded in the
 * create's own transaction, and with {@code If-None-Exist: identifier=system|value} a create
 * whose identifier the caller already gave answers with that Communication (200) instead of
 * making a second. Of two such creates racing, one creates and the other answers with it.
 */
@ApplicationScoped
public class ConditionalCreates {

    @EJB
    CommunicationIdentifiers identifiers;

    @EJB
    ReadingService reading;

    @EJB
    UnitOfWork unitOfWork;

    /**
     * {@code condition}: the identifier of If-None-Exist, or null. {@code standalone}: false
     * within a transaction Bundle, whose transaction a lost race has already doomed (the Bundle
     * is refused then, and a retry of it finds what the winner created).
     */
    MethodOutcome create(
            Communication resource, Identifier condition, boolean standalone, UnaryOperator<Communication> creating) {
        List<Identifier> given = CommunicationMapper.identifiers(resource);
        if (condition != null) {
            if (!given.contains(condition)) {
                throw new InvalidRequestException("If-None-Exist names an identifier the Communication carries");
            }
            Optional<Communication> existing = existing(condition);
            if (existing.isPresent()) {
                return Versions.outcome(existing.get(), false);
            }
        }
        if (given.isEmpty()) {
            return Versions.outcome(creating.apply(resource), true);
        }
        try {
            // the answer shows the identifiers as every response does (CommunicationIdentifierEcho)
            return Versions.outcome(
                    unitOfWork.together(() -> {
                        Communication made = creating.apply(resource);
                        identifiers.record(made.getIdElement().getIdPart(), given);
                        return made;
                    }),
                    true);
        } catch (IdentifierTakenException race) {
            if (condition == null || !standalone) {
                throw race;
            }
            return Versions.outcome(existing(condition).orElseThrow(() -> race), false);
        }
    }

    private Optional<Communication> existing(Identifier condition) {
        return identifiers.find(condition).map(id -> CommunicationMapper.toFhir(reading.communication(id)));
    }
}
