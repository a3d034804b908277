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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Notification latency: the time from a message's send (the client's clock when the POST
 * answered) to the first poll of the recipient's IMAP inbox on GreenMail that shows an email with
 * a link to its thread. GreenMail's own Received header has a one-second resolution, so the poll
 * is the clock: a latency is late by at most one poll cycle (reported as the resolution). A poll
 * is one NOOP per inbox and fetches only the emails that are new since the last one, so its cost
 * does not grow with the mailboxes. Emails to one recipient about one thread are matched to its
 * sends in order. GreenMail's REST API serves the purge and the wait for the seed's emails.
 */
final class MailWatch implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREAD_LINK = Pattern.compile("#/threads/([A-Za-z0-9.\\-]+)");

    private final Http http;
    private final String greenmail;
    private final Session imap;
    private final boolean staffMail;
    private final Map<String, IMAPFolder> inboxes = new HashMap<>(); // the watcher thread's own
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Deque<Long>> pending = new HashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<long[]> received = new ArrayList<>(); // {send, receipt} in ms
    private long cycles;
    private long cycleMillis;
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

    /** A message was sent to that person: an email is awaited, unless staff are not emailed. */
    synchronized void sent(Clinic.Person recipient, String threadId, long sendMillis) {
        if (recipient.kind() == Clinic.Kind.PRACTITIONER && !staffMail) {
            return;
        }
        String recipientEmail = recipient.email();
        pending.computeIfAbsent(recipientEmail + " " + threadId, k -> new ArrayDeque<>())
                .add(sendMillis);
        watched.add(recipientEmail);
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

    synchronized double resolutionMillis() {
        return cycles == 0 ? 0 : (double) cycleMillis / cycles;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running) {
                long start = System.currentTimeMillis();
                for (String address : List.copyOf(watched)) {
                    poll(address);
                }
                synchronized (this) {
                    cycles++;
                    cycleMillis += System.currentTimeMillis() - start;
                }
                pause(); // a cycle is a few ms: without a pause the watch would load the machine it measures
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail's IMAP server failed", e);
        } finally {
            inboxes.values().forEach(MailWatch::close);
        }
    }

    private void poll(String address) throws MessagingException {
        IMAPFolder inbox = inboxes.get(address);
        if (inbox == null) {
            inbox = open(address);
            inboxes.put(address, inbox);
        }
        // a NOOP always asks the server; getMessageCount() alone may answer from the last second
        inbox.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        int count = inbox.getMessageCount();
        int from = seen.getOrDefault(address, 0);
        if (count > from) {
            long now = System.currentTimeMillis();
            List<String> texts = new ArrayList<>();
            for (Message mail : inbox.getMessages(from + 1, count)) {
                texts.add(raw(mail));
            }
            record(address, texts, now);
            seen.put(address, count);
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

    private static String raw(Message mail) throws MessagingException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            mail.writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MessagingException("unreadable email", e);
        }
    }

    private static void close(IMAPFolder inbox) {
        try {
            inbox.getStore().close();
        } catch (MessagingException e) {
            // the run is over; a connection left open ends with the process
        }
    }

    private synchronized void record(String address, List<String> mails, long now) {
        for (String mail : mails) {
            Matcher link = THREAD_LINK.matcher(mail.replace("=\r\n", ""));
            if (link.find()) {
                Deque<Long> sends = pending.get(address + " " + link.group(1));
                if (sends != null && !sends.isEmpty()) {
                    received.add(new long[] {sends.poll(), now});
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

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
