package dev.missive.service;

/** Content of a kind Missive does not accept (an attachment that is not JPEG, PDF, DOCX or MP4): HTTP 415. */
public class UnsupportedContentException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    public UnsupportedContentException(Rule rule, String message) {
        super(rule, message);
    }
}
