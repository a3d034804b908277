package dev.missive.service;

import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationStatus;
import dev.missive.domain.MergedThread;
import dev.missive.domain.Message;
import dev.missive.domain.MessageHistoryRepository;
import dev.missive.domain.MessageStatus;
import dev.missive.domain.PatientMergeRepository;
import dev.missive.domain.ThreadMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The merge and export repositories over the in-memory threads, read as the JPA ones read them. */
final class InMemoryRecords {

    private InMemoryRecords() {
    }

    private static final Comparator<Conversation> OLDEST_FIRST =
            Comparator.comparing(Conversation::getCreated).thenComparing(Conversation::getId);

    static final class Merges implements PatientMergeRepository {
        final Map<String, MergedThread> merged = new LinkedHashMap<>();
        private final InMemoryRepositories.Conversations conversations;

        Merges(InMemoryRepositories.Conversations conversations) {
            this.conversations = conversations;
        }

        @Override
        public List<Conversation> sentThreadsAbout(String patientId) {
            return conversations.threads.values().stream()
                    .filter(c -> c.getPatientId().equals(patientId) && c.getStatus() != ConversationStatus.DRAFT)
                    .sorted(OLDEST_FIRST)
                    .toList();
        }

        @Override
        public void add(MergedThread thread) {
            merged.put(thread.getConversationId(), thread);
        }

        @Override
        public List<MergedThread> mergedThreadsOf(String sourcePatientId) {
            return merged.values().stream().filter(m -> m.getSourcePatientId().equals(sourcePatientId)).toList();
        }

        @Override
        public void remove(MergedThread thread) {
            merged.remove(thread.getConversationId());
        }
    }

    static final class History implements MessageHistoryRepository {
        private final InMemoryRepositories.Conversations conversations;

        History(InMemoryRepositories.Conversations conversations) {
            this.conversations = conversations;
        }

        @Override
        public void forEachOf(String practitionerId, Consumer<ThreadMessage> each) {
            List<Conversation> threads = conversations.threads.values().stream()
                    .filter(c -> c.getPractitionerId().equals(practitionerId) && c.getStatus() != ConversationStatus.DRAFT)
                    .sorted(OLDEST_FIRST)
                    .toList();
            for (Conversation thread : threads) {
                List<Message> messages = new ArrayList<>(conversations.messages.values().stream()
                        .filter(m -> m.getConversationId().equals(thread.getId()) && m.getStatus() != MessageStatus.DRAFT)
                        .sorted(Comparator.comparing(Message::getSent).thenComparing(Message::getId))
                        .toList());
                if (messages.isEmpty()) {
                    each.accept(new ThreadMessage(thread, null));
                }
                messages.forEach(message -> each.accept(new ThreadMessage(thread, message)));
            }
        }
    }
}
