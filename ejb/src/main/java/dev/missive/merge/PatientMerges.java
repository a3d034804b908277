package dev.missive.merge;

import jakarta.ejb.Local;

/**
 * Merging a duplicate patient record into the one that stays, and undoing it. Integration
 * engines and clinic admins only. Nothing is deleted either way: the merged-away record's
 * threads are closed with reason {@code patient-merged} and hidden from its patient side
 * (practitioners still see them); the target record does not gain sight of them.
 */
@Local
public interface PatientMerges {

    /**
     * Merges {@code sourceId} into {@code targetId} and answers how many threads it closed.
     * Refused (422) into itself, when the source was merged already, or into a merged-away record.
     */
    int merge(String sourceId, String targetId);

    /** Gives the merged-away record back its threads, each exactly as it was; answers how many. */
    int unmerge(String sourceId);
}
