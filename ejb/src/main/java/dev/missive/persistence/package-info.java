/**
 * JPA behind the repository interfaces: all JPQL lives here. The schema is versioned migrations
 * under db/migration, applied at start-up by SchemaMigration.
 */
package dev.missive.persistence;
