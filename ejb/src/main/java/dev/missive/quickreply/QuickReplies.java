package dev.missive.quickreply;

import dev.missive.directory.Saved;
import java.util.List;

/**
 * The clinic's reply templates. Clinic admins create, change and delete them; practitioners,
 * clinic admins and integration engines read them; patients and proxies are refused (403).
 */
public interface QuickReplies {

    /** Every quick reply, by title. */
    List<QuickReply> all();

    QuickReply read(String id);

    /** A new quick reply, its text checked: placeholders known, links safe, lengths held. */
    QuickReply create(QuickReplyContent content);

    /**
     * The quick reply with this id as changed, or created with it when there is none and no
     * {@code expectedVersion} (If-Match) is given; a stale version changes nothing (412).
     */
    Saved<QuickReply> save(String id, Long expectedVersion, QuickReplyContent content);

    void delete(String id);
}
