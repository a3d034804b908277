package dev.missive.thread;

import dev.missive.domain.Party;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;

/**
 * The sender a write names, held to the one the server records: the caller as they write in
 * the thread. Recording another than the client named would rewrite its assertion without
 * saying so; naming none is fine, the server fills it in.
 */
final class AssertedSender {

    private AssertedSender() {}

    static void requireWriter(Party named, Party writer) {
        if (named != null && !named.equals(writer)) {
            throw new RuleViolationException(
                    Rule.SENDER_NOT_CALLER,
                    "The sender is whoever writes (a proxy: their RelatedPerson for the patient): name them or leave it out");
        }
    }
}
