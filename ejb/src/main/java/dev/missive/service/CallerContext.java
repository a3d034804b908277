package dev.missive.service;

/** Tells the services who the current caller is. */
public interface CallerContext {

    Caller current();
}
