/**
 * The clinic's messaging policy (one row): messaging on or off, who may start threads, the
 * eligibility basis, message types, attachments, retract window, guidelines, emergency numbers.
 */
package dev.missive.policy;
