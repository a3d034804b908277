package dev.missive.service;

/** The request is well formed but breaks a messaging rule, named by {@link #rule()}. */
public class RuleViolationException extends MissiveException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public RuleViolationException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable code for the rule, such as {@code recipient-not-eligible}. */
    public String rule() {
        return rule;
    }
}
