package dev.missive.security;

/** Tells the services who the current caller is. */
public interface CallerContext {

    Caller current();
}
