package dev.missive.service;

import java.util.Locale;

/**
 * Every rule a request can break, answered 422 (413 or 415 for attachments) with the rule's
 * code in the OperationOutcome. Each code is defined, with what it means, in the CodeSystem
 * {@code https://missive.dev/fhir/CodeSystem/rule}; a test holds the two in step.
 */
public enum Rule {
    MESSAGING_DISABLED,
    PATIENTS_MAY_NOT_START,
    MESSAGE_TYPE_NOT_OFFERED,
    RECIPIENT_NOT_ELIGIBLE,
    NOT_YOUR_PATIENT,
    BILLING_CONSENT_REQUIRED,
    REGARDING_REQUIRED,
    READ_ONLY_THREAD,
    THREAD_CLOSED,
    THREAD_LOCKED,
    THREAD_DRAFT,
    THREAD_NOT_SENT,
    SENDER_NOT_CALLER,
    SENDER_REQUIRED,
    SENDER_NOT_PRACTITIONER,
    RETRACT_WINDOW_PASSED,
    RETRACT_AFTER_ACTION,
    ATTACHMENTS_DISABLED,
    ATTACHMENT_TYPE_UNSUPPORTED,
    ATTACHMENT_TYPE_MISMATCH,
    ATTACHMENT_EMPTY,
    ATTACHMENT_TOO_LARGE,
    MERGE_INTO_ITSELF,
    PATIENT_ALREADY_MERGED,
    MERGE_TARGET_MERGED,
    PATIENT_NOT_MERGED,
    SUBSCRIPTION_ENDPOINT_NOT_ALLOWED,
    FORMATTED_TEXT_INVALID,
    QUICK_REPLY_PLACEHOLDER_UNKNOWN,
    MESSAGE_TO_SELF,
    POOL_THREAD_CONFIDENTIAL,
    POOL_THREAD_CLAIMED,
    THREAD_NOT_POOLED;

    /** The code in the CodeSystem: the name in lower case, words joined by hyphens. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
