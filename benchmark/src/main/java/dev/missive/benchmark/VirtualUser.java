package dev.missive.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One signed-in person doing the mix: 40% send a message into one of their threads (a tenth of
 * those start a new thread instead), 30% the inbox's first page, 20% a whole thread, 10% mark a
 * thread read. Latencies are kept from {@code measureFrom} on; errors always. After a failed
 * request the user pauses a moment, as a client backs off, rather than spin on a server that
 * refuses connections while it restarts.
 */
final class VirtualUser implements Runnable {

    private static final long PAUSE_AFTER_FAILURE_MS = 100;

    static final List<String> OPERATIONS = List.of("send", "start-thread", "inbox", "thread", "mark-read");

    private final Clinic clinic;
    private final Clinic.Person me;
    private final Tokens tokens;
    private final FhirApi api;
    private final MailWatch mail;
    private final Map<String, Latencies> latencies;
    private final long measureFrom;
    private final BooleanSupplier keepGoing;
    private final AtomicInteger sendBudget;
    private final WarmUpCurve curve;
    private final RequestLog log;

    VirtualUser(
            Clinic clinic,
            Clinic.Person me,
            Tokens tokens,
            FhirApi api,
            MailWatch mail,
            Map<String, Latencies> latencies,
            long measureFrom,
            BooleanSupplier keepGoing,
            AtomicInteger sendBudget,
            WarmUpCurve curve,
            RequestLog log) {
        this.clinic = clinic;
        this.me = me;
        this.tokens = tokens;
        this.api = api;
        this.mail = mail;
        this.latencies = latencies;
        this.measureFrom = measureFrom;
        this.keepGoing = keepGoing;
        this.sendBudget = sendBudget;
        this.curve = curve;
        this.log = log;
    }

    @Override
    public void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (keepGoing.getAsBoolean()) {
            List<Clinic.Thread> threads = clinic.threadsOf(me);
            Clinic.Thread thread = threads.get(random.nextInt(threads.size()));
            if (sendBudget != null) {
                if (sendBudget.getAndDecrement() <= 0) {
                    return;
                }
                send(thread);
                continue;
            }
            int dice = random.nextInt(100);
            if (dice < 4) {
                startThread(random);
            } else if (dice < 40) {
                send(thread);
            } else if (dice < 70) {
                timed("inbox", null, () -> api.inbox(tokens.get()));
            } else if (dice < 90) {
                timed("thread", null, () -> api.thread(tokens.get(), thread.id()));
            } else {
                timed("mark-read", null, () -> api.markRead(tokens.get(), thread.id()));
            }
        }
    }

    private void send(Clinic.Thread thread) {
        Clinic.Person recipient = thread.other(me);
        if (timed("send", recipient, () -> api.send(tokens.get(), thread.id(), "Benchmark message")) != null) {
            mail.sent(recipient, thread.id(), System.currentTimeMillis());
        }
    }

    private void startThread(ThreadLocalRandom random) {
        List<Clinic.Person> counterparts = clinic.counterparts(me);
        Clinic.Person other = counterparts.get(random.nextInt(counterparts.size()));
        Clinic.Person patient = me.kind() == Clinic.Kind.PATIENT ? me : other;
        Clinic.Person practitioner = me.kind() == Clinic.Kind.PATIENT ? other : me;
        Http.Answer created = timed("start-thread", other, () -> api.startThread(tokens.get(), patient, practitioner));
        if (created != null) {
            clinic.add(new Clinic.Thread(api.idOf(created), patient, practitioner));
        }
    }

    /**
     * Runs one request; its answer if it succeeded, else null (the error is recorded). A write
     * names the recipient of what it creates (null for a read or a mark-read), for the log.
     */
    private Http.Answer timed(
            String operation, Clinic.Person recipient, java.util.function.Supplier<Http.Answer> request) {
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Http.Answer answer = request.get();
        double ms = (System.nanoTime() - start) / 1e6;
        long endMillis = System.currentTimeMillis();
        curve.completed(endMillis);
        if (log.on()) {
            boolean created = answer.ok() && recipient != null;
            log.record(
                    startMillis,
                    endMillis,
                    me.username(),
                    operation,
                    answer.status(),
                    created ? api.idOf(answer) : "-",
                    created ? recipient.reference() : "-");
        }
        Latencies stats = latencies.get(operation);
        if (!answer.ok()) {
            stats.error(me.username() + ": HTTP " + answer.status() + " " + answer.body());
            pause();
            return null;
        }
        if (startMillis >= measureFrom) {
            stats.add(ms);
        }
        return answer;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
