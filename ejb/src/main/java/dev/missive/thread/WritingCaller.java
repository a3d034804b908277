package dev.missive.thread;

import dev.missive.directory.PractitionerRepository;
import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Whom a write is made as. A person writes as themselves. An integration engine writes on
 * behalf of the Practitioner its Communication names as sender, and for the write it is that
 * practitioner and nothing more: what they see, whom they may write to and the thread's state
 * decide, as if they wrote in the portal. Never on behalf of a patient or a proxy: what the
 * patient side says is theirs to say.
 */
@ApplicationScoped
class WritingCaller {

    @Inject
    PractitionerRepository practitioners;

    @Inject
    CallerContext callers;

    /** The caller the write's rules are checked for; {@code namedSender}: the sender the request names, or null. */
    Caller of(Caller caller, Party namedSender) {
        if (!caller.has(Role.INTEGRATION)) {
            return caller;
        }
        if (namedSender == null) {
            throw new RuleViolationException(
                    Rule.SENDER_REQUIRED,
                    "An integration engine writes on behalf of a practitioner: name them as the sender");
        }
        if (namedSender.type() != PartyType.PRACTITIONER) {
            throw new RuleViolationException(
                    Rule.SENDER_NOT_PRACTITIONER,
                    "An integration engine writes on behalf of a Practitioner only, never for the patient's side");
        }
        if (practitioners.find(namedSender.id()).isEmpty()) {
            throw new InvalidRequestException("The sender must be a known Practitioner");
        }
        callers.actingFor(namedSender);
        return new Caller(caller.username(), EnumSet.of(Role.PRACTITIONER), Optional.of(namedSender));
    }
}
