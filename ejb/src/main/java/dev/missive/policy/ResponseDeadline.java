package dev.missive.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** When the clinic owes an answer to a patient-side message: its policy's business days on its calendar. */
@ApplicationScoped
public class ResponseDeadline {

    @Inject
    PolicyService policies;

    @Inject
    ClinicHours hours;

    public Instant answerDue(Instant asked) {
        return hours.calendar().due(asked, policies.current().getResponseBusinessDays());
    }
}
