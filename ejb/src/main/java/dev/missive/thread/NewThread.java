package dev.missive.thread;

import dev.missive.domain.Party;

/**
 * What a caller asks for when starting a thread (or saving one as a draft): about which
 * patient, with which practitioner, of which message type, with an optional subject, the
 * episode of care it is regarding, the billing consent it rests on, who should respond how,
 * whether no response is needed (the starter's message then closes the thread), and the sender
 * the request names, if any (null: the caller, as always recorded). A thread addressed to a team
 * pool names the pool and no practitioner.
 */
public record NewThread(
        String patientId,
        String practitionerId,
        String category,
        String topic,
        boolean confidential,
        String episodeId,
        String billingConsentId,
        String responderId,
        String responseMethod,
        boolean noResponseNeeded,
        boolean draft,
        Party sender,
        String poolId) {

    public NewThread(
            String patientId,
            String practitionerId,
            String category,
            String topic,
            boolean confidential,
            String episodeId,
            String billingConsentId,
            String responderId,
            String responseMethod,
            boolean noResponseNeeded,
            boolean draft,
            Party sender) {
        this(
                patientId,
                practitionerId,
                category,
                topic,
                confidential,
                episodeId,
                billingConsentId,
                responderId,
                responseMethod,
                noResponseNeeded,
                draft,
                sender,
                null);
    }

    /** A plain, sent thread: what most callers start. */
    public static NewThread of(
            String patientId, String practitionerId, String category, String topic, boolean confidential) {
        return new NewThread(
                patientId, practitionerId, category, topic, confidential, null, null, null, null, false, false, null);
    }
}
