package dev.missive.quickreply;

import java.util.List;
import java.util.Optional;

/** The clinic's quick replies. */
public interface QuickReplyRepository {

    void add(QuickReply reply);

    Optional<QuickReply> find(String id);

    /** Every quick reply, by title. */
    List<QuickReply> all();

    void remove(QuickReply reply);
}
