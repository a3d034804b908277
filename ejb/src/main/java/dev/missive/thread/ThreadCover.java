package dev.missive.thread;

import dev.missive.directory.Practitioner;
import dev.missive.domain.Party;
import dev.missive.eligibility.AwayNotice;
import dev.missive.eligibility.EligibilityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who covers a thread while its practitioner is away. The thread stays its practitioner's; the
 * cover takes part beside them (their own row, marked covering) from the first time the thread
 * is opened or written in during the absence, sees it whole and is notified in the
 * practitioner's place. Once the absence ends or the cover changes, the next write in the thread
 * lets the cover go: they keep what they had and get nothing new.
 */
@ApplicationScoped
class ThreadCover {

    @Inject
    ConversationRepository conversations;

    @Inject
    EligibilityService eligibility;

    /** The notice for the thread's practitioner now, if they are away. */
    Optional<AwayNotice> awayNotice(Conversation thread) {
        if (thread.isPooled() && thread.getClaimedBy().isEmpty()) {
            return Optional.empty(); // its members share it: nobody covers for the one holding it
        }
        return eligibility.awayNotice(
                thread.getPatientId(), thread.getPractitionerId(), thread.getCategory(), thread.isConfidential());
    }

    /**
     * The inbox page with the notice on each open thread whose practitioner is away now: the
     * absences of the page's practitioners are looked up at once, and a notice only for them.
     */
    List<ThreadView> withAwayNotices(List<ThreadView> page) {
        Set<String> away = eligibility.awayNow(page.stream()
                .map(view -> view.conversation().getPractitionerId())
                .collect(Collectors.toSet()));
        if (away.isEmpty()) {
            return page;
        }
        return page.stream()
                .map(view -> {
                    Conversation thread = view.conversation();
                    return away.contains(thread.getPractitionerId()) && thread.getStatus() != ConversationStatus.CLOSED
                            ? new ThreadView(thread, view.participant(), view.changes(), awayNotice(thread))
                            : view;
                })
                .toList();
    }

    /** The practitioner covering the thread now, if any. */
    Optional<Party> coverOf(Conversation thread) {
        return coverIn(awayNotice(thread));
    }

    private static Optional<Party> coverIn(Optional<AwayNotice> away) {
        return away.flatMap(AwayNotice::cover).map(Practitioner::getId).map(Party::practitioner);
    }

    /** Brings the thread's participants in line with who covers it now; answers whether its practitioner is away. */
    boolean route(Conversation thread, Instant now) {
        Optional<AwayNotice> away = awayNotice(thread);
        Optional<Party> cover = coverIn(away);
        for (Participant participant : conversations.participants(thread.getId())) {
            if (participant.isCovering()
                    && participant.isActive()
                    && !cover.filter(participant.getParty()::equals).isPresent()) {
                // just before the message that no longer reaches them (the column keeps microseconds)
                participant.leave(now.minus(1, ChronoUnit.MICROS));
            }
        }
        cover.ifPresent(party -> conversations
                .findParticipant(thread.getId(), party)
                .ifPresentOrElse(participant -> participant.startCovering(now), () -> {
                    Participant participant = new Participant(thread.getId(), party, now);
                    participant.startCovering(now);
                    conversations.add(participant);
                }));
        return away.isPresent();
    }
}
