/**
 * The nodes of a cluster on one database: each node's heartbeat, who is gone, and leases that
 * let a scheduled job run on one node per period. A package of its own because notifications
 * and attachments both depend on it and it depends on neither; its tables are plain rows, not
 * WildFly's clustering, so that it works the same on one node and on H2.
 */
package dev.missive.cluster;
