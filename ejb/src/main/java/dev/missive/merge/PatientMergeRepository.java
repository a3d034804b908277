package dev.missive.merge;

import dev.missive.thread.Conversation;
import java.util.List;

/** What a patient merge reads and records: the record's threads, and the state each had before. */
public interface PatientMergeRepository {

    /** The patient's threads that were sent (drafts stay private to their author), oldest first. */
    List<Conversation> sentThreadsAbout(String patientId);

    void add(MergedThread merged);

    /** The threads the merge of that patient closed. */
    List<MergedThread> mergedThreadsOf(String sourcePatientId);

    void remove(MergedThread merged);
}
