package dev.missive.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ClusterNodeRepository {

    Optional<ClusterNode> find(String name);

    void add(ClusterNode node);

    /** The names of the nodes seen at or after that instant. */
    List<String> seenSince(Instant since);
}
