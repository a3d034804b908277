package dev.missive.session;

import dev.missive.domain.Party;
import dev.missive.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The caller as resolved for the current request. One request makes several service calls
 * (a search asks for a page and for the total), and each would otherwise look the account up
 * in the directory again. Kept per account name, so a request can never see another's; with it,
 * the practitioner an integration engine said it acts for, and the entry a staff member who is
 * also a patient chose to act as.
 */
@RequestScoped
public class RequestCaller {

    private Caller caller;
    private Party onBehalfOf;
    private String chooser;
    private Party chosen;

    Optional<Caller> resolved(String username) {
        return Optional.ofNullable(caller).filter(c -> c.username().equals(username));
    }

    void remember(Caller resolved) {
        this.caller = resolved;
        this.onBehalfOf = null;
    }

    /** The entry the account said it acts as in this request, if it did. */
    Optional<Party> chosen(String username) {
        return Optional.ofNullable(chosen).filter(c -> username.equals(chooser));
    }

    /** Notes the entry chosen (none: the account's default), to be resolved again with it. */
    void choose(String username, Party entry) {
        this.chooser = username;
        this.chosen = entry;
        this.caller = null;
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
