package dev.missive.service;

import java.util.List;

/** The message types a thread can have (CodeSystem message-type). */
public final class MessageTypes {

    public static final List<String> ALL = List.of(
            "general", "medication-renewal", "appointment", "test-results", "billing", "referral");

    private MessageTypes() {
    }
}
