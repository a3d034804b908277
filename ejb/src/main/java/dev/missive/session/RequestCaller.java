package dev.missive.session;

import dev.missive.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The caller as resolved for the current request. One request makes several service calls
 * (a search asks for a page and for the total), and each would otherwise look the account up
 * in the directory again. Kept per account name, so a request can never see another's.
 */
@RequestScoped
public class RequestCaller {

    private Caller caller;

    Optional<Caller> resolved(String username) {
        return Optional.ofNullable(caller).filter(c -> c.username().equals(username));
    }

    void remember(Caller resolved) {
        this.caller = resolved;
    }
}
