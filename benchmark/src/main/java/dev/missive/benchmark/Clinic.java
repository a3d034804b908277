package dev.missive.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The seeded people and their threads; virtual users add the threads they start. */
final class Clinic {

    enum Kind {
        PATIENT,
        PRACTITIONER
    }

    record Person(Kind kind, String id) {
        String username() {
            return id;
        }

        String email() {
            return id + "@bench.example";
        }

        String reference() {
            return (kind == Kind.PATIENT ? "Patient/" : "Practitioner/") + id;
        }
    }

    record Thread(String id, Person patient, Person practitioner) {
        Person other(Person me) {
            return me.equals(patient) ? practitioner : patient;
        }
    }

    final List<Person> patients = new ArrayList<>();
    final List<Person> practitioners = new ArrayList<>();
    private final Map<Person, List<Thread>> threads = new ConcurrentHashMap<>();

    Clinic(int patientCount, int practitionerCount) {
        for (int i = 0; i < patientCount; i++) {
            patients.add(new Person(Kind.PATIENT, "bench-pa-" + i));
        }
        for (int j = 0; j < practitionerCount; j++) {
            practitioners.add(new Person(Kind.PRACTITIONER, "bench-pr-" + j));
        }
    }

    /** Patient i's care team: practitioners i and i+1 (modulo M), so each has about 2N/M patients. */
    List<Person> careTeam(Person patient) {
        int i = patients.indexOf(patient);
        int m = practitioners.size();
        return m == 1
                ? List.of(practitioners.get(0))
                : List.of(practitioners.get(i % m), practitioners.get((i + 1) % m));
    }

    List<Person> patientsOf(Person practitioner) {
        return patients.stream().filter(p -> careTeam(p).contains(practitioner)).toList();
    }

    /** Who a person may start a thread with. */
    List<Person> counterparts(Person person) {
        return person.kind() == Kind.PATIENT ? careTeam(person) : patientsOf(person);
    }

    void add(Thread thread) {
        threadsOf(thread.patient()).add(thread);
        threadsOf(thread.practitioner()).add(thread);
    }

    List<Thread> threadsOf(Person person) {
        return threads.computeIfAbsent(person, p -> new CopyOnWriteArrayList<>());
    }

    List<Person> everyone() {
        List<Person> all = new ArrayList<>(patients);
        all.addAll(practitioners);
        return all;
    }
}
