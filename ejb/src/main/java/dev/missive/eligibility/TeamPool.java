package dev.missive.eligibility;

import dev.missive.directory.CareTeam;
import java.util.List;

/**
 * A pool a thread can be addressed to, and those of its members who may take it: each could be
 * written to for that patient and message type as a recipient, and none is away.
 *
 * @param memberIds never empty, in a stable order (by id)
 */
public record TeamPool(CareTeam team, List<String> memberIds) {

    public TeamPool {
        memberIds = List.copyOf(memberIds);
    }

    /** The member who holds a thread for the pool until one claims it: the first by id, shown to nobody. */
    public String holderUntilClaimed() {
        return memberIds.get(0);
    }
}
