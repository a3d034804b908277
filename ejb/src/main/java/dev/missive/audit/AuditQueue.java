package dev.missive.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Where a request's audit record becomes durable before its response is sent: {@link #add}
 * returns once the record is committed. Requests that hand records over together share one
 * commit ({@link AuditCommitter}, one {@link AuditWriter} transaction on a managed thread), so
 * a busy server does not pay a commit per request, and an idle one commits a record at once.
 * A record that cannot be committed within {@link #WAIT} (the database down or stuck) throws:
 * the request is then refused as a server failure rather than answered unrecorded.
 */
@ApplicationScoped
public class AuditQueue {

    /** Far above a commit's few milliseconds; short enough that a stuck database is a prompt 503. */
    static final Duration WAIT = Duration.ofSeconds(10);

    @Resource
    ManagedExecutorService executor;

    @Inject
    AuditWriter writer;

    private AuditCommitter committer;

    @PostConstruct
    void start() {
        committer = new AuditCommitter(writer::write, executor, WAIT);
    }

    /** Returns once {@code record} is committed; throws {@link AuditNotWrittenException} if it was not. */
    public void add(AuditRecord record) {
        committer.commit(record);
    }
}
