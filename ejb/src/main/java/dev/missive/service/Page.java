package dev.missive.service;

import java.util.List;

/** The first results of a search and how many there are in all, answered in one call. */
public record Page<T>(List<T> items, long total) {}
