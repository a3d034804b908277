/**
 * The fuzzer: valid Missive requests (what the integration suite and the portal send) mutated
 * structurally — JSON, URL, headers, content types, tokens — from a seed, sent one at a time over
 * a raw socket, and every answer checked: no 5xx, nothing internal in a body, no forged token
 * accepted, nothing of a bystander patient's shown to anyone else. Used by the integration
 * suite's {@code FuzzIT} and by {@code benchmark/fuzz.sh} ({@link dev.missive.fuzz.Fuzz}).
 */
package dev.missive.fuzz;
