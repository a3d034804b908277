package dev.missive.eligibility;

import dev.missive.directory.Practitioner;
import dev.missive.directory.PractitionerRole;
import java.util.Optional;

/**
 * Someone a patient may write to: the practitioner, the role through which they take messages,
 * and, while the practitioner is away, the notice the patient sees.
 */
public record MessageRecipient(PractitionerRole role, Practitioner practitioner, Optional<AwayNotice> away) {}
