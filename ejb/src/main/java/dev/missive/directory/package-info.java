/**
 * The clinic's directory kept in sync by the integration engine: patients, practitioners and their
 * roles, proxies, care teams, episodes, appointments, consents; and what each caller may read of it.
 */
package dev.missive.directory;
