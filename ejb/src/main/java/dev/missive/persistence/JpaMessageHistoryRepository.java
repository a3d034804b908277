package dev.missive.persistence;

import dev.missive.export.MessageHistoryRepository;
import dev.missive.export.ThreadMessage;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationStatus;
import dev.missive.thread.Message;
import dev.missive.thread.MessageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

@ApplicationScoped
public class JpaMessageHistoryRepository implements MessageHistoryRepository {

    /** Rows the JDBC driver fetches at a time; PostgreSQL's would otherwise read the whole result first. */
    static final int FETCH_SIZE = 500;

    @PersistenceContext(unitName = "missive")
    EntityManager em;

    @Override
    public void forEachOf(String practitionerId, Consumer<ThreadMessage> each) {
        // One scrolling query (conversation_practitioner_status, then message_thread_order per
        // thread); read-only rows are detached as soon as they are handed over, so the
        // persistence context stays as small as it was, whatever else the transaction holds.
        try (Stream<Object[]> rows = em.createQuery(
                        "select c, m from Conversation c"
                                + " left join Message m on m.conversationId = c.id and m.status in :statuses"
                                + " where c.practitionerId = :practitioner and c.status <> :draft"
                                + " order by c.created, c.id, m.sent, m.id",
                        Object[].class)
                .setParameter("statuses", List.of(MessageStatus.SENT, MessageStatus.RETRACTED))
                .setParameter("practitioner", practitionerId)
                .setParameter("draft", ConversationStatus.DRAFT)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            rows.forEach(row -> {
                Conversation thread = (Conversation) row[0];
                Message message = (Message) row[1];
                each.accept(new ThreadMessage(thread, message));
                em.detach(thread);
                if (message != null) {
                    em.detach(message);
                }
            });
        }
    }
}
