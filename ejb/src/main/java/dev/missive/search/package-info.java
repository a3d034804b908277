/**
 * The paged searches of the cluster: each search whose next link is out, recorded with the
 * account that ran it, so that a node that does not hold it can run it again for that account.
 */
package dev.missive.search;
