package dev.missive.eligibility;

import dev.missive.directory.Practitioner;
import java.time.Instant;
import java.util.Optional;

/**
 * What a patient may be told about a practitioner who is away: until when, and who covers for
 * this patient and message type, if anyone may (no health information in it).
 */
public record AwayNotice(Instant until, Optional<Practitioner> cover) {}
