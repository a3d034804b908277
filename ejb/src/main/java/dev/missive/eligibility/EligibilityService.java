package dev.missive.eligibility;

import dev.missive.directory.PractitionerRole;
import dev.missive.security.Caller;
import jakarta.ejb.Local;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may write to whom, under the clinic's policy. Checked when a thread starts and again on
 * every message, so that a patient whose practitioner left the care team or lost the
 * portal-messaging role can still read the thread but no longer write in it.
 */
@Local
public interface EligibilityService {

    /**
     * The roles through which the patient (or their proxy) may reach a practitioner for this
     * message type; never the patient's own, when the patient is also on the staff.
     */
    List<PractitionerRole> recipients(String patientId, String messageType);

    /**
     * {@link #recipients}, with each practitioner, for a patient the caller acts for (themselves,
     * or as their proxy); integration engines and clinic admins may ask for anyone. Any other
     * patient is not found. Whom one may write to, one may see. Nobody while the clinic does not
     * let patients start threads.
     */
    List<MessageRecipient> recipientsForCaller(String patientId, String messageType);

    /**
     * Whether the practitioner is away now, and who covers for them in a thread about this patient
     * of this message type: their cover, when the cover could be written to for it as a
     * recipient (care relationship, a role that takes the type) and is not away themselves. A
     * confidential thread is covered by nobody: it stays between the patient and their practitioner.
     */
    Optional<AwayNotice> awayNotice(String patientId, String practitionerId, String messageType, boolean confidential);

    /** Which of these practitioners are away now: one look-up for a page of threads. */
    Set<String> awayNow(Collection<String> practitionerIds);

    /**
     * The pools a thread about this patient of this message type can be addressed to: active
     * pools that take the type and have at least one member who may take it ({@link TeamPool}).
     */
    List<TeamPool> pools(String patientId, String messageType);

    /** {@link #pools} for a patient the caller acts for, as {@link #recipientsForCaller}. */
    List<TeamPool> poolsForCaller(String patientId, String messageType);

    /** The pool as a thread about this patient of this type reaches it, or 422 recipient-not-eligible. */
    TeamPool requirePool(String poolId, String patientId, String messageType);

    /**
     * Refuses (422 naming the rule) a new thread the caller may not start; a thread whose
     * practitioner is its patient (one account) is {@code message-to-self}, whoever starts it.
     */
    void checkMayStart(Caller caller, String patientId, String practitionerId, String messageType);

    /** Refuses (422 naming the rule) a message the caller may not write into this thread now. */
    void checkMayWrite(Caller caller, Correspondence thread);
}
