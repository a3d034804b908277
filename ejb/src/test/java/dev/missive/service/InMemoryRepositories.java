package dev.missive.service;

import dev.missive.domain.Appointment;
import dev.missive.domain.AppointmentRepository;
import dev.missive.domain.CareTeam;
import dev.missive.domain.Consent;
import dev.missive.domain.ConsentRepository;
import dev.missive.domain.ConversationStatus;
import dev.missive.domain.DirectoryEntry;
import dev.missive.domain.DirectoryQuery;
import dev.missive.domain.DirectoryScope;
import dev.missive.domain.EpisodeOfCare;
import dev.missive.domain.EpisodeOfCareRepository;
import dev.missive.domain.Identifier;
import dev.missive.domain.IdentifierRepository;
import dev.missive.domain.InboxCursor;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The repositories as plain maps, so that the rules are tested without a container. */
final class InMemoryRepositories {

    private InMemoryRepositories() {
    }

    /**
     * Entries by id, searched as the JPA repositories do: {@code patientOf} names the patient an
     * entry belongs to, {@code staffOf} the practitioner a staff entry is about (one is null).
     */
    abstract static class Entries<T extends DirectoryEntry> {
        final Map<String, T> byId = new LinkedHashMap<>();
        private final Function<T, String> patientOf;
        private final Function<T, String> staffOf;
        /** Consulted by scopes that reach patients through their care teams. */
        CareTeams careTeams;

        Entries(Function<T, String> patientOf, Function<T, String> staffOf) {
            this.patientOf = patientOf;
            this.staffOf = staffOf;
        }

        public List<T> search(DirectoryQuery query, DirectoryScope scope, int offset, int limit) {
            return byId.values().stream()
                    .filter(entry -> matches(entry, query) && inScope(entry, scope))
                    .sorted(Comparator.comparing(DirectoryEntry::getId))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        public long count(DirectoryQuery query, DirectoryScope scope) {
            return search(query, scope, 0, Integer.MAX_VALUE).size();
        }

        Collection<String> practitionersOf(T entry) {
            return Set.of(staffOf.apply(entry));
        }

        private boolean matches(T entry, DirectoryQuery query) {
            Identifier identifier = query.identifier();
            return (query.id() == null || query.id().equals(entry.getId()))
                    && (identifier == null || entry.getIdentifiers().stream().anyMatch(carried ->
                            carried.value().equals(identifier.value())
                                    && (identifier.system() == null || identifier.system().equals(carried.system()))))
                    && (query.patientId() == null || patientOf != null && query.patientId().equals(patientOf.apply(entry)))
                    && (query.practitionerId() == null || practitionersOf(entry).contains(query.practitionerId()))
                    && (query.name() == null || entry instanceof Person person
                            && person.displayName().toLowerCase(Locale.ROOT).contains(query.name().toLowerCase(Locale.ROOT)));
        }

        private boolean inScope(T entry, DirectoryScope scope) {
            if (scope.everything()) {
                return true;
            }
            String patientId = patientOf == null ? null : patientOf.apply(entry);
            boolean ofPatient = patientId != null && (scope.patientIds().contains(patientId)
                    || scope.careTeamMember().filter(member -> careTeams.isOnCareTeam(patientId, member)).isPresent());
            boolean ofStaff = staffOf != null
                    && scope.patientIds().stream().anyMatch(patient -> careTeams.isOnCareTeam(patient, staffOf.apply(entry)));
            boolean own = entry instanceof Person person && person.getPortalUsername() != null
                    && scope.portalUsername().filter(person.getPortalUsername()::equals).isPresent();
            return ofPatient || ofStaff || own;
        }

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

    abstract static class People<T extends Person> extends Entries<T> {
        People(Function<T, String> patientOf, Function<T, String> staffOf) {
            super(patientOf, staffOf);
        }

        public List<T> findByPortalUsername(String username) {
            return where(p -> username.equals(p.getPortalUsername()));
        }
    }

    static final class RelatedPersons extends People<RelatedPerson> implements RelatedPersonRepository {
        RelatedPersons() {
            super(RelatedPerson::getPatientId, null);
        }

        @Override
        public List<RelatedPerson> findByPatient(String patientId) {
            return where(r -> r.getPatientId().equals(patientId));
        }
    }

    static final class Roles extends Entries<PractitionerRole> implements PractitionerRoleRepository {
        Roles() {
            super(null, PractitionerRole::getPractitionerId);
        }

        @Override
        public List<PractitionerRole> findByPractitioner(String practitionerId) {
            return where(r -> r.getPractitionerId().equals(practitionerId));
        }
    }

    static final class Episodes extends Entries<EpisodeOfCare> implements EpisodeOfCareRepository {
        Episodes() {
            super(EpisodeOfCare::getPatientId, null);
        }

        @Override
        public List<EpisodeOfCare> findByPatient(String patientId) {
            return where(e -> e.getPatientId().equals(patientId));
        }
    }

    static final class Appointments extends Entries<Appointment> implements AppointmentRepository {
        Appointments() {
            super(Appointment::getPatientId, null);
        }

        @Override
        public List<Appointment> findByPatientSince(String patientId, Instant since) {
            return where(a -> a.getPatientId().equals(patientId) && !a.getStart().isBefore(since));
        }

        @Override
        Collection<String> practitionersOf(Appointment entry) {
            return entry.getPractitionerIds();
        }
    }

    static final class Consents extends Entries<Consent> implements ConsentRepository {
        Consents() {
            super(Consent::getPatientId, null);
        }

        @Override
        public List<Consent> findByPatient(String patientId) {
            return where(c -> c.getPatientId().equals(patientId));
        }
    }

    static final class Patients extends People<Patient> implements PatientRepository {
        Patients() {
            super(Patient::getId, null);
        }
    }

    static final class Practitioners extends People<Practitioner> implements PractitionerRepository {
        Practitioners() {
            super(null, Practitioner::getId);
        }
    }

    static final class CareTeams extends Entries<CareTeam> implements CareTeamRepository {
        CareTeams() {
            super(CareTeam::getPatientId, null);
            careTeams = this;
        }

        @Override
        public List<CareTeam> findByPatient(String patientId) {
            return where(t -> t.getPatientId().equals(patientId));
        }

        @Override
        public boolean isOnCareTeam(String patientId, String practitionerId) {
            return findByPatient(patientId).stream()
                    .anyMatch(t -> t.isActive() && t.getPractitionerIds().contains(practitionerId));
        }


        @Override
        Collection<String> practitionersOf(CareTeam entry) {
            return entry.getPractitionerIds();
        }
    }

    /** Identifiers by entry, kept apart from the entries as the database keeps them. */
    static final class Identifiers implements IdentifierRepository {
        final Map<String, Set<Identifier>> byEntry = new LinkedHashMap<>();

        @Override
        public Map<String, Set<Identifier>> of(Class<? extends DirectoryEntry> type, Collection<String> ids) {
            Map<String, Set<Identifier>> found = new LinkedHashMap<>();
            ids.forEach(id -> Optional.ofNullable(byEntry.get(type.getSimpleName() + "/" + id))
                    .ifPresent(identifiers -> found.put(id, identifiers)));
            return found;
        }

        @Override
        public void replace(Class<? extends DirectoryEntry> type, String id, Set<Identifier> identifiers) {
            byEntry.put(type.getSimpleName() + "/" + id, new LinkedHashSet<>(identifiers));
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
            Comparator<ThreadView> newestFirst = Comparator
                    .comparing((ThreadView v) -> v.conversation().getLastActivity()).reversed()
                    .thenComparing(v -> v.conversation().getId());
            InboxCursor after = query.after();
            return inboxOf(query).stream()
                    .sorted(newestFirst)
                    .filter(v -> after == null || v.conversation().getLastActivity().isBefore(after.lastActivity())
                            || v.conversation().getLastActivity().equals(after.lastActivity())
                                    && v.conversation().getId().compareTo(after.conversationId()) > 0)
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
                    .filter(v -> !query.patientSide() || !v.conversation().isMergedAway())
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
        public List<Conversation> openThreadsOf(String practitionerId) {
            return threads.values().stream()
                    .filter(c -> c.getPractitionerId().equals(practitionerId) && c.getStatus() == ConversationStatus.OPEN)
                    .toList();
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
