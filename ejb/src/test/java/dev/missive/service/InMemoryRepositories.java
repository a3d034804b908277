package dev.missive.service;

import dev.missive.domain.Appointment;
import dev.missive.domain.AppointmentRepository;
import dev.missive.domain.CareTeam;
import dev.missive.domain.Consent;
import dev.missive.domain.ConsentRepository;
import dev.missive.domain.ConversationStatus;
import dev.missive.domain.DirectoryEntry;
import dev.missive.domain.EpisodeOfCare;
import dev.missive.domain.EpisodeOfCareRepository;
import dev.missive.domain.InboxQuery;
import dev.missive.domain.PractitionerRole;
import dev.missive.domain.PractitionerRoleRepository;
import dev.missive.domain.RelatedPerson;
import dev.missive.domain.RelatedPersonRepository;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The repositories as plain maps, so that the rules are tested without a container. */
final class InMemoryRepositories {

    private InMemoryRepositories() {
    }

    static class Entries<T extends DirectoryEntry> {
        final Map<String, T> byId = new LinkedHashMap<>();

        public Optional<T> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        public T add(T entry) {
            byId.put(entry.getId(), entry);
            return entry;
        }

        List<T> where(Predicate<T> wanted) {
            return byId.values().stream().filter(wanted).toList();
        }
    }

    static class People<T extends Person> extends Entries<T> {
        public List<T> findByPortalUsername(String username) {
            return where(p -> username.equals(p.getPortalUsername()));
        }
    }

    static final class RelatedPersons extends People<RelatedPerson> implements RelatedPersonRepository {
        @Override
        public List<RelatedPerson> findByPatient(String patientId) {
            return where(r -> r.getPatientId().equals(patientId));
        }
    }

    static final class Roles extends Entries<PractitionerRole> implements PractitionerRoleRepository {
        @Override
        public List<PractitionerRole> findByPractitioner(String practitionerId) {
            return where(r -> r.getPractitionerId().equals(practitionerId));
        }
    }

    static final class Episodes extends Entries<EpisodeOfCare> implements EpisodeOfCareRepository {
        @Override
        public List<EpisodeOfCare> findByPatient(String patientId) {
            return where(e -> e.getPatientId().equals(patientId));
        }
    }

    static final class Appointments extends Entries<Appointment> implements AppointmentRepository {
        @Override
        public List<Appointment> findByPatientSince(String patientId, Instant since) {
            return where(a -> a.getPatientId().equals(patientId) && !a.getStart().isBefore(since));
        }
    }

    static final class Consents extends Entries<Consent> implements ConsentRepository {
        @Override
        public List<Consent> findByPatient(String patientId) {
            return where(c -> c.getPatientId().equals(patientId));
        }
    }

    static final class Patients extends People<Patient> implements PatientRepository {
    }

    static final class Practitioners extends People<Practitioner> implements PractitionerRepository {
    }

    static final class CareTeams extends Entries<CareTeam> implements CareTeamRepository {
        @Override
        public List<CareTeam> findByPatient(String patientId) {
            return where(t -> t.getPatientId().equals(patientId));
        }

        @Override
        public boolean isOnCareTeam(String patientId, String practitionerId) {
            return findByPatient(patientId).stream()
                    .anyMatch(t -> t.isActive() && t.getPractitionerIds().contains(practitionerId));
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

        /** The inbox without text search, which needs the database (tested in the integration suite). */
        @Override
        public List<ThreadView> inbox(InboxQuery query, int offset, int limit) {
            return inboxOf(query).stream()
                    .sorted(Comparator.comparing((ThreadView v) -> v.conversation().getLastActivity()).reversed())
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long inboxSize(InboxQuery query) {
            return inboxOf(query).size();
        }

        private List<ThreadView> inboxOf(InboxQuery query) {
            List<ThreadView> views = query.forProxy()
                    ? threads.values().stream()
                            .filter(c -> query.proxyPatients().contains(c.getPatientId()) && !c.isConfidential()
                                    && c.getStatus() != ConversationStatus.DRAFT)
                            .map(c -> new ThreadView(c, participants(c.getId()).stream()
                                    .filter(p -> query.proxyParties().contains(p.getParty())).findFirst().orElse(null)))
                            .toList()
                    : participants.stream()
                            .filter(p -> p.getParty().equals(query.party()))
                            .map(p -> new ThreadView(threads.get(p.getConversationId()), p))
                            .toList();
            return views.stream()
                    .filter(v -> query.archived() == null
                            || query.archived() == (v.participant() != null && v.participant().isArchived()))
                    .filter(v -> !query.unreadOnly() || v.participant() != null && v.participant().getUnread() > 0)
                    .filter(v -> query.category() == null || query.category().equals(v.conversation().getCategory()))
                    .filter(v -> query.patientId() == null || query.patientId().equals(v.conversation().getPatientId()))
                    .toList();
        }

        @Override
        public List<Conversation> draftThreads(Collection<Party> authors) {
            return threads.values().stream()
                    .filter(c -> c.getStatus() == ConversationStatus.DRAFT && authors.contains(c.getStartedBy()))
                    .toList();
        }

        @Override
        public List<Message> draftMessages(Collection<Party> authors) {
            return messages.values().stream()
                    .filter(m -> m.getStatus() == MessageStatus.DRAFT && authors.contains(m.getSender()))
                    .toList();
        }

        @Override
        public List<Message> allMessages(String conversationId) {
            return messages.values().stream().filter(m -> m.getConversationId().equals(conversationId)).toList();
        }

        @Override
        public void remove(Message message) {
            messages.remove(message.getId());
        }

        @Override
        public void remove(Conversation conversation) {
            threads.remove(conversation.getId());
        }

        @Override
        public List<Message> messages(String conversationId, int offset, int limit) {
            return messages.values().stream()
                    .filter(m -> m.getConversationId().equals(conversationId) && m.getStatus() != MessageStatus.DRAFT)
                    .sorted(Comparator.comparing(Message::getSent))
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
