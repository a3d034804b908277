package dev.missive.service;

import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRole;

/** Someone a patient may write to: the practitioner, and the role through which they take messages. */
public record MessageRecipient(PractitionerRole role, Practitioner practitioner) {
}
