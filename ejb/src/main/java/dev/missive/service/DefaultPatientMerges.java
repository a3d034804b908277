package dev.missive.service;

import dev.missive.domain.Conversation;
import dev.missive.domain.ConversationRepository;
import dev.missive.domain.MergedThread;
import dev.missive.domain.Patient;
import dev.missive.domain.PatientMergeRepository;
import dev.missive.domain.PatientRepository;
import dev.missive.domain.ThreadStatusReason;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Stateless
@DeclareRoles({Roles.INTEGRATION, Roles.CLINIC_ADMIN})
@RolesAllowed({Roles.INTEGRATION, Roles.CLINIC_ADMIN})
public class DefaultPatientMerges implements PatientMerges {

    @Inject
    PatientRepository patients;

    @Inject
    PatientMergeRepository merges;

    @Inject
    ConversationRepository conversations;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    public int merge(String sourceId, String targetId) {
        requireRecordKeeper();
        Patient source = patient(sourceId);
        Patient target = patient(targetId);
        if (source.getId().equals(target.getId())) {
            throw new RuleViolationException("merge-into-itself", "A patient record cannot be merged into itself");
        }
        if (source.isMergedAway()) {
            throw new RuleViolationException("patient-already-merged", "The source record was merged already");
        }
        if (target.isMergedAway()) {
            throw new RuleViolationException("merge-target-merged",
                    "The target record was itself merged away: merge into the record that replaced it");
        }
        Instant now = clock.instant();
        List<Conversation> threads = merges.sentThreadsAbout(source.getId());
        for (Conversation thread : threads) {
            merges.add(new MergedThread(thread));
            thread.close(ThreadStatusReason.PATIENT_MERGED, now);
        }
        source.mergeInto(target.getId());
        source.touch(now);
        return threads.size();
    }

    @Override
    public int unmerge(String sourceId) {
        requireRecordKeeper();
        Patient source = patient(sourceId);
        if (!source.isMergedAway()) {
            throw new RuleViolationException("patient-not-merged", "The record was not merged into another");
        }
        List<MergedThread> merged = merges.mergedThreadsOf(source.getId());
        for (MergedThread thread : merged) {
            conversations.lock(thread.getConversationId());
            thread.restore(conversations.find(thread.getConversationId()).orElseThrow());
            merges.remove(thread);
        }
        source.unmerge();
        source.touch(clock.instant());
        return merged.size();
    }

    private Patient patient(String id) {
        return patients.find(id == null ? "" : id).orElseThrow(() -> new NotFoundException("Patient", id));
    }

    /** Role check in code as well as in the annotation, so that it holds outside the container too. */
    private void requireRecordKeeper() {
        Caller caller = callers.current();
        if (!caller.has(Role.INTEGRATION) && !caller.has(Role.CLINIC_ADMIN)) {
            throw new ForbiddenException("Only the integration engine or a clinic admin merges patient records");
        }
    }
}
