package dev.missive.merge;

import dev.missive.directory.Patient;
import dev.missive.directory.PatientRepository;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.thread.Conversation;
import dev.missive.thread.ConversationRepository;
import dev.missive.thread.ThreadStatusReason;
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
            throw new RuleViolationException(Rule.MERGE_INTO_ITSELF, "A patient record cannot be merged into itself");
        }
        if (source.isMergedAway()) {
            throw new RuleViolationException(Rule.PATIENT_ALREADY_MERGED, "The source record was merged already");
        }
        if (target.isMergedAway()) {
            throw new RuleViolationException(
                    Rule.MERGE_TARGET_MERGED,
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
            throw new RuleViolationException(Rule.PATIENT_NOT_MERGED, "The record was not merged into another");
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
