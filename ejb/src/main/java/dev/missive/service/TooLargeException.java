package dev.missive.service;

/** The request carries more than the rule allows (an attachment over the size limit): HTTP 413. */
public class TooLargeException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    public TooLargeException(Rule rule, String message) {
        super(rule, message);
    }
}
