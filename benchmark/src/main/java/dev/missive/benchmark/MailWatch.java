package dev.missive.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Notification latency: the time from a message's send (the client's clock when the POST
 * answered) to the moment GreenMail tells the recipient's IMAP session that a new email is in
 * the inbox (IMAP IDLE: the server pushes it, nothing polls), the email carrying a link to the
 * thread. GreenMail's own Received header has a one-second resolution, so the push is the
 * clock. Each watched inbox has its own thread and connection; a NOOP every half second catches
 * an email that arrived between a fetch and the next IDLE, so a latency is late by at most that
 * in that rare case. Emails to one recipient about one thread are matched to its sends in order;
 * an email that arrives before the client has seen its send answered counts as 0 ms.
 * GreenMail's REST API serves the purge and the wait for the seed's emails.
 */
final class MailWatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREAD_LINK = Pattern.compile("#/threads/([A-Za-z0-9.\\-]+)");
    private static final long CATCH_UP_MS = 500;

    private final Http http;
    private final String greenmail;
    private final Session imap;
    private final boolean staffMail;
    private final Map<String, Deque<Long>> pending = new HashMap<>();
    // emails that arrived before the client saw its POST answered (the relay can beat the response)
    private final Map<String, Deque<Long>> early = new HashMap<>();
    private final List<long[]> received = new ArrayList<>(); // {send, receipt} in ms
    private final List<IMAPFolder> inboxes = new CopyOnWriteArrayList<>();
    private final List<Thread> watchers = new ArrayList<>();
    private final ScheduledExecutorService catchUp = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean running = true;

    MailWatch(Http http, String greenmail, String imapHostAndPort, boolean staffMail) {
        this.http = http;
        this.greenmail = greenmail;
        this.imap = imapSession(imapHostAndPort);
        this.staffMail = staffMail;
    }

    private static Session imapSession(String hostAndPort) {
        String[] parts = hostAndPort.split(":", 2);
        Properties properties = new Properties();
        properties.setProperty("mail.store.protocol", "imap");
        properties.setProperty("mail.imap.host", parts[0]);
        properties.setProperty("mail.imap.port", parts.length > 1 ? parts[1] : "3143");
        return Session.getInstance(properties);
    }

    /** Deletes every stored email, so that the watch starts from empty mailboxes. */
    void purge() {
        http.post(greenmail + "/api/mail/purge", null, null, null).orFail("purge GreenMail");
    }

    /** Waits until no new email has arrived for the given time (the seed's emails are out). */
    void awaitQuiet(List<String> addresses, long quietMillis) throws InterruptedException {
        int last = -1;
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() - since < quietMillis) {
            int total = addresses.stream().mapToInt(a -> messages(a).size()).sum();
            if (total != last) {
                last = total;
                since = System.currentTimeMillis();
            }
            Thread.sleep(500);
        }
    }

    /** Opens the inboxes of everyone who is emailed (patients; staff only with --staff-mail yes). */
    void start(Clinic clinic) throws MessagingException {
        List<Clinic.Person> emailed = new ArrayList<>(clinic.patients);
        if (staffMail) {
            emailed.addAll(clinic.practitioners);
        }
        for (Clinic.Person person : emailed) {
            IMAPFolder inbox = open(person.email());
            inboxes.add(inbox);
            Thread watcher = new Thread(() -> watch(person.email(), inbox), "mail-" + person.username());
            watcher.setDaemon(true);
            watchers.add(watcher);
            watcher.start();
        }
        catchUp.scheduleWithFixedDelay(this::noopEach, CATCH_UP_MS, CATCH_UP_MS, TimeUnit.MILLISECONDS);
    }

    /** A message was sent to that person: an email is awaited, unless staff are not emailed. */
    synchronized void sent(Clinic.Person recipient, String threadId, long sendMillis) {
        if (recipient.kind() == Clinic.Kind.PRACTITIONER && !staffMail) {
            return;
        }
        String key = recipient.email() + " " + threadId;
        Deque<Long> arrived = early.get(key);
        if (arrived != null && !arrived.isEmpty()) {
            received.add(new long[] {sendMillis, Math.max(sendMillis, arrived.poll())});
            return;
        }
        pending.computeIfAbsent(key, k -> new ArrayDeque<>()).add(sendMillis);
    }

    /** Latencies in ms of the emails received for sends at or after the given time. */
    synchronized List<Double> latenciesSince(long fromMillis) {
        return received.stream()
                .filter(r -> r[0] >= fromMillis)
                .map(r -> (double) (r[1] - r[0]))
                .sorted()
                .toList();
    }

    synchronized int outstanding() {
        return pending.values().stream().mapToInt(Deque::size).sum();
    }

    synchronized long lastReceipt() {
        return received.stream().mapToLong(r -> r[1]).max().orElse(0);
    }

    void stop() throws InterruptedException {
        running = false;
        catchUp.shutdownNow();
        for (IMAPFolder inbox : inboxes) {
            try {
                inbox.getStore().close(); // ends the IDLE its watcher waits in
            } catch (MessagingException e) {
                // already gone: the watcher ends all the same
            }
        }
        for (Thread watcher : watchers) {
            watcher.join();
        }
    }

    /** GreenMail, with authentication off, signs anyone in and makes their mailbox. */
    private IMAPFolder open(String address) throws MessagingException {
        Store store = imap.getStore();
        store.connect(address, address);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox;
    }

    private void watch(String address, IMAPFolder inbox) {
        int seen = 0;
        try {
            while (running) {
                long now = System.currentTimeMillis();
                int count = inbox.getMessageCount();
                if (count > seen) {
                    List<String> texts = new ArrayList<>();
                    for (Message mail : inbox.getMessages(seen + 1, count)) {
                        texts.add(raw(mail));
                    }
                    record(address, texts, now);
                    seen = count;
                }
                inbox.idle(true); // returns when the server reports a change, or a NOOP ends it
            }
        } catch (MessagingException | IllegalStateException e) {
            if (running) {
                throw new IllegalStateException("GreenMail's IMAP session for " + address + " failed", e);
            }
        }
    }

    private void noopEach() {
        for (IMAPFolder inbox : inboxes) {
            try {
                inbox.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | IllegalStateException e) {
                // the watch is stopping
            }
        }
    }

    private static String raw(Message mail) throws MessagingException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            mail.writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MessagingException("unreadable email", e);
        }
    }

    private synchronized void record(String address, List<String> mails, long now) {
        for (String mail : mails) {
            Matcher link = THREAD_LINK.matcher(mail.replace("=\r\n", ""));
            if (link.find()) {
                String key = address + " " + link.group(1);
                Deque<Long> sends = pending.get(key);
                if (sends != null && !sends.isEmpty()) {
                    received.add(new long[] {sends.poll(), now});
                } else {
                    early.computeIfAbsent(key, k -> new ArrayDeque<>()).add(now);
                }
            }
        }
    }

    private List<JsonNode> messages(String address) {
        Http.Answer answer = http.get(greenmail + "/api/user/" + address + "/messages/INBOX", null);
        if (!answer.ok()) {
            return List.of(); // no mail yet: GreenMail knows the address only from its first email
        }
        try {
            List<JsonNode> mails = new ArrayList<>();
            JSON.readTree(answer.body()).forEach(mails::add);
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable GreenMail answer", e);
        }
    }
}
