/**
 * A practitioner's whole message history for a clinic admin, read in one pass whatever its size.
 */
package dev.missive.export;
