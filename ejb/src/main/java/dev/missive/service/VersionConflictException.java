package dev.missive.service;

/** The record changed since the version the caller based the update on. */
public class VersionConflictException extends MissiveException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String type, String id) {
        super(type + "/" + id + " has changed since the version given");
    }
}
