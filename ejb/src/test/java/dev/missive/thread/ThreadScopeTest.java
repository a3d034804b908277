package dev.missive.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.missive.directory.Patient;
import dev.missive.merge.PatientMerges;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.testing.TestClinic;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who sees which thread, asked of the database the way the services ask it: for every demo
 * account, a thread is readable by id exactly when it is in their inbox, or a draft of theirs,
 * or they see everything; and each account sees exactly the threads the rules give them.
 */
class ThreadScopeTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final ThreadAccess access = clinic.bean(ThreadAccess.class);
    private final ReadingService reading = clinic.bean(ReadingService.class);

    @Test
    void aThreadIsReadableExactlyWhenItIsListedOrADraftOfTheCallersOrTheCallerSeesEverything() {
        clinic.save(new Patient("alice-2"));
        String alicesKnee = clinic.start("alice", "drlee");
        String alicesMerged = clinic.start("alice", "drlee");
        clinic.actAs("ben");
        String bensConfidential = sending.start(NewThread.of(null, "drlee", "general", "Private", true))
                .conversation()
                .getId();
        clinic.actAs("gina");
        String bensByGina = clinic.start("ben", "drlee");
        String chloesDraft = clinic.bean(DraftService.class)
                .saveThread(new NewThread(
                        "chloe", "drlee", "general", null, false, null, null, null, null, false, true, null))
                .conversation()
                .getId();
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        // The merge takes every thread of Alice's record along; start a fresh one afterwards.
        clinic.bean(PatientMerges.class).merge("alice", "alice-2");
        clinic.actAs("drlee");
        String drLeesAfterMerge = clinic.start("ben", "drlee");
        Set<String> all = Set.of(alicesKnee, alicesMerged, bensConfidential, bensByGina, chloesDraft, drLeesAfterMerge);

        Map<String, Set<String>> expected = Map.of(
                "alice", Set.of(),
                "ben", Set.of(bensConfidential, bensByGina, drLeesAfterMerge),
                "gina", Set.of(bensByGina, drLeesAfterMerge, chloesDraft),
                "drlee", Set.of(alicesKnee, alicesMerged, bensConfidential, bensByGina, drLeesAfterMerge),
                "drpatel", Set.of());
        expected.forEach((account, sees) -> {
            clinic.actAs(account);
            Set<String> readable = readable(all);
            assertEquals(sees, readable, account + " reads");
            Set<String> listed = listed();
            Set<String> drafts = clinic.bean(DraftService.class).threads().stream()
                    .map(view -> view.conversation().getId())
                    .collect(Collectors.toSet());
            assertEquals(readable, union(listed, drafts), account + " reads what is listed, or their drafts");
            assertEquals(
                    listed.size(), reading.inboxPage(InboxFilter.ALL, 0).total(), account + " counts what is listed");
        });
        for (Role everything : List.of(Role.CLINIC_ADMIN, Role.INTEGRATION)) {
            clinic.actAs(new Caller("someone", EnumSet.of(everything), Optional.empty()));
            assertEquals(
                    all.stream().filter(id -> !id.equals(chloesDraft)).collect(Collectors.toSet()),
                    readable(all),
                    everything + " reads every sent thread");
            assertEquals(Set.of(), listed(), everything + " has no inbox");
        }
    }

    private Set<String> readable(Set<String> threads) {
        return threads.stream()
                .filter(id -> access.find(clinic.caller(), id).isPresent())
                .collect(Collectors.toSet());
    }

    private Set<String> listed() {
        return reading.inbox(InboxFilter.ALL, null, 0, 100).stream()
                .map(view -> view.conversation().getId())
                .collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }
}
