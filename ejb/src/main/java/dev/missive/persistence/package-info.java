/**
 * JPA implementations of the domain's repositories. All JPQL lives here; schema changes are
 * versioned migrations under {@code db/migration}, applied at start-up by {@link SchemaMigration}.
 */
package dev.missive.persistence;
