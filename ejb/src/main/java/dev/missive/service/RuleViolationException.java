package dev.missive.service;

/** The request is well formed but breaks a messaging rule, named by {@link #rule()}. */
public class RuleViolationException extends MissiveException {

    private static final long serialVersionUID = 1L;

    private final Rule rule;

    public RuleViolationException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
