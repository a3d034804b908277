package dev.missive.service;

/**
 * What a caller asks for when starting a thread: about which patient, with which
 * practitioner, of which message type, with an optional subject.
 */
public record NewThread(String patientId, String practitionerId, String category, String topic,
        boolean confidential) {
}
