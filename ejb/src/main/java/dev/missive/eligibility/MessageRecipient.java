package dev.missive.eligibility;

import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRole;

/** Someone a patient may write to: the practitioner, and the role through which they take messages. */
public record MessageRecipient(PractitionerRole role, Practitioner practitioner) {}
