/**
 * Patient $merge and $unmerge: the merged-away record's threads leave its patient side and come
 * back exactly as they were.
 */
package dev.missive.merge;
