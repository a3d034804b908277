package dev.missive.policy;

/** Whom a patient may write to: their care team's messaging staff, or whom they saw recently. */
public enum EligibilityBasis {
    CARE_TEAM,
    APPOINTMENT
}
