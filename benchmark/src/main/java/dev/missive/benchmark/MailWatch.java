package dev.missive.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notification latency: the time from a message's send (the client's clock when the POST
 * answered) to the first poll of GreenMail's REST API that shows an email to its recipient with
 * a link to its thread. GreenMail's own Received header has a one-second resolution, so the poll
 * is the clock: a latency is late by at most one poll cycle (reported as the resolution). Emails
 * to one recipient about one thread are matched to its sends in order.
 */
final class MailWatch implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREAD_LINK = Pattern.compile("#/threads/([A-Za-z0-9.\\-]+)");

    private final Http http;
    private final String greenmail;
    private final boolean staffMail;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Deque<Long>> pending = new HashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<long[]> received = new ArrayList<>(); // {send, receipt} in ms
    private long cycles;
    private long cycleMillis;
    private volatile boolean running = true;

    MailWatch(Http http, String greenmail, boolean staffMail) {
        this.http = http;
        this.greenmail = greenmail;
        this.staffMail = staffMail;
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
        while (running) {
            long start = System.currentTimeMillis();
            for (String address : List.copyOf(watched)) {
                List<JsonNode> mails = messages(address);
                long now = System.currentTimeMillis();
                record(address, mails, now);
            }
            synchronized (this) {
                cycles++;
                cycleMillis += System.currentTimeMillis() - start;
            }
            if (watched.isEmpty()) {
                sleep();
            }
        }
    }

    private synchronized void record(String address, List<JsonNode> mails, long now) {
        int from = seen.getOrDefault(address, 0);
        for (JsonNode mail : mails.subList(Math.min(from, mails.size()), mails.size())) {
            Matcher link = THREAD_LINK.matcher(mail.path("mimeMessage").asText().replace("=\r\n", ""));
            if (link.find()) {
                Deque<Long> sends = pending.get(address + " " + link.group(1));
                if (sends != null && !sends.isEmpty()) {
                    received.add(new long[] {sends.poll(), now});
                }
            }
        }
        seen.put(address, mails.size());
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

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
