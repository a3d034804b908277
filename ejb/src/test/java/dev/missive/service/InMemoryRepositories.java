package dev.missive.service;

import dev.missive.domain.CareTeam;
import dev.missive.domain.CareTeamRepository;
import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationRepository;
import dev.missive.domain.Message;
import dev.missive.domain.MessageStatus;
import dev.missive.domain.Participant;
import dev.missive.domain.Party;
import dev.missive.domain.Patient;
import dev.missive.domain.PatientRepository;
import dev.missive.domain.Person;
import dev.missive.domain.Practitioner;
import dev.missive.domain.PractitionerRepository;
import dev.missive.domain.ThreadView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The repositories as plain maps, so that the rules are tested without a container. */
final class InMemoryRepositories {

    private InMemoryRepositories() {
    }

    static class People<T extends Person> {
        final Map<String, T> byId = new LinkedHashMap<>();

        public Optional<T> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        public List<T> findByPortalUsername(String username) {
            return byId.values().stream().filter(p -> username.equals(p.getPortalUsername())).toList();
        }

        public T add(T person) {
            byId.put(person.getId(), person);
            return person;
        }
    }

    static final class Patients extends People<Patient> implements PatientRepository {
    }

    static final class Practitioners extends People<Practitioner> implements PractitionerRepository {
    }

    static final class CareTeams implements CareTeamRepository {
        final Map<String, CareTeam> byId = new LinkedHashMap<>();

        @Override
        public Optional<CareTeam> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<CareTeam> findByPatient(String patientId) {
            return byId.values().stream().filter(t -> t.getPatientId().equals(patientId)).toList();
        }

        @Override
        public boolean isOnCareTeam(String patientId, String practitionerId) {
            return findByPatient(patientId).stream()
                    .anyMatch(t -> t.isActive() && t.getPractitionerIds().contains(practitionerId));
        }

        @Override
        public CareTeam add(CareTeam careTeam) {
            byId.put(careTeam.getId(), careTeam);
            return careTeam;
        }
    }

    static final class Conversations implements ConversationRepository {
        final Map<String, Conversation> threads = new LinkedHashMap<>();
        final Map<String, Message> messages = new LinkedHashMap<>();
        final List<Participant> participants = new ArrayList<>();

        @Override
        public Optional<Conversation> find(String id) {
            return Optional.ofNullable(threads.get(id));
        }

        @Override
        public Optional<Message> findMessage(String id) {
            return Optional.ofNullable(messages.get(id));
        }

        @Override
        public Optional<Participant> findParticipant(String conversationId, Party party) {
            return participants(conversationId).stream().filter(p -> p.getParty().equals(party)).findFirst();
        }

        @Override
        public List<Participant> participants(String conversationId) {
            return participants.stream().filter(p -> p.getConversationId().equals(conversationId)).toList();
        }

        @Override
        public List<ThreadView> inbox(Party party, int offset, int limit) {
            return participants.stream()
                    .filter(p -> p.getParty().equals(party))
                    .sorted(Comparator.comparing(Participant::getLastActivity).reversed())
                    .skip(offset)
                    .limit(limit)
                    .map(p -> new ThreadView(threads.get(p.getConversationId()), p))
                    .toList();
        }

        @Override
        public long inboxSize(Party party) {
            return participants.stream().filter(p -> p.getParty().equals(party)).count();
        }

        @Override
        public List<Message> messages(String conversationId, int offset, int limit) {
            return messages.values().stream()
                    .filter(m -> m.getConversationId().equals(conversationId) && m.getStatus() != MessageStatus.DRAFT)
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long messageCount(String conversationId) {
            return messages(conversationId, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public void add(Conversation conversation) {
            threads.put(conversation.getId(), conversation);
        }

        @Override
        public void add(Message message) {
            messages.put(message.getId(), message);
        }

        @Override
        public void add(Participant participant) {
            participants.add(participant);
        }

        @Override
        public void lock(String conversationId) {
            // one test, one thread of execution: nothing to wait for
        }

        @Override
        public boolean hasMessageSince(String conversationId, Instant since, String messageId) {
            return sent(conversationId)
                    .anyMatch(m -> !m.getId().equals(messageId) && !m.getSent().isBefore(since));
        }

        @Override
        public List<Message> unreceived(String conversationId) {
            return sent(conversationId).filter(m -> m.getReceived() == null).toList();
        }

        private Stream<Message> sent(String conversationId) {
            return messages.values().stream()
                    .filter(m -> m.getConversationId().equals(conversationId) && m.getStatus() == MessageStatus.SENT);
        }
    }
}
