package dev.missive.session;

import dev.missive.domain.Party;
import dev.missive.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The caller as resolved for the current request. One request makes several service calls
 * (a search asks for a page and for the total), and each would otherwise look the account up
 * in the directory again. Kept per account name, so a request can never see another's; with it,
 * the practitioner an integration engine said it acts for.
 */
@RequestScoped
public class RequestCaller {

    private Caller caller;
    private Party onBehalfOf;

    Optional<Caller> resolved(String username) {
        return Optional.ofNullable(caller).filter(c -> c.username().equals(username));
    }

    void remember(Caller resolved) {
        this.caller = resolved;
        this.onBehalfOf = null;
    }

    Optional<Party> onBehalfOf(String username) {
        return resolved(username).flatMap(c -> Optional.ofNullable(onBehalfOf));
    }

    void actingFor(String username, Party practitioner) {
        if (resolved(username).isPresent()) {
            this.onBehalfOf = practitioner;
        }
    }
}
