package dev.missive.directory;

/** A directory entry as stored, and whether this save created it. */
public record Saved<T>(T entry, boolean created) {}
