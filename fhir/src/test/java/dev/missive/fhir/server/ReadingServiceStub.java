package dev.missive.fhir.server;

import dev.missive.service.Page;
import dev.missive.thread.InboxCursor;
import dev.missive.thread.InboxFilter;
import dev.missive.thread.Message;
import dev.missive.thread.ReadingService;
import dev.missive.thread.ThreadOrMessage;
import dev.missive.thread.ThreadView;
import java.util.List;

/** A ReadingService that refuses every call: each test overrides what its requests reach. */
public abstract class ReadingServiceStub implements ReadingService {

    @Override
    public Message message(String id) {
        throw notStubbed();
    }

    @Override
    public ThreadOrMessage communication(String id) {
        throw notStubbed();
    }

    @Override
    public List<ThreadView> inbox(InboxFilter filter, InboxCursor after, int offset, int limit) {
        throw notStubbed();
    }

    @Override
    public Page<ThreadView> inboxPage(InboxFilter filter, int limit) {
        throw notStubbed();
    }

    @Override
    public List<Message> messages(String conversationId, int offset, int limit) {
        throw notStubbed();
    }

    @Override
    public Page<Message> messagePage(String conversationId, int limit) {
        throw notStubbed();
    }

    private static UnsupportedOperationException notStubbed() {
        return new UnsupportedOperationException("ReadingService call not stubbed in this test");
    }
}
