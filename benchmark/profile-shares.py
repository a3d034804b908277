#!/usr/bin/env python3
"""Where a JFR recording of WildFly spent its time, as the share of execution samples of the
request threads and the messaging threads (grouped by name as the load client's CPU split groups
them, ServerProcess.groupOf) whose stack passes through each part named below: a sample counts
for every part on its stack, so the shares overlap. Start-up, JIT and GC threads are left out.

    benchmark/profile-shares.py p1.jfr      (a recording made as benchmark/README.md says)
"""
import re
import subprocess
import sys

PARTS = {
    "Hibernate": r"^org\.hibernate\.",
    "transaction commits": r"ContextTransactionManager\.commit|LocalTransaction\.commitAndDissociate",
    "an email's delivery": r"NotificationService\.deliver",
    "the outbox relay": r"OutboxRelay\.drain",
    "the audit group commits": r"AuditCommitter\.write",
    "JSON encoding": r"ca\.uhn\.fhir\.parser\.BaseParser\.encodeResource",
    "the PostgreSQL driver": r"^org\.postgresql\.",
    "H2": r"^org\.h2\.",
    "H2 writing a chunk at commit": r"^org\.h2\.mvstore\.MVStore\.store$",
    "resolving the caller": r"SessionCallerContext\.current",
    "the paged-search record": r"CallersSearches\.storeResultList",
    "sending a message": r"CommunicationProvider\.create",
    "searches (inbox, thread)": r"CommunicationProvider\.search",
}
FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
THREAD = re.compile(r'^\s+sampledThread = "(.*)"')
WORKER = re.compile(r"^(default task|default I/O|Thread-|EE-Managed)|ActiveMQ")


def samples(recording):
    text = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
        check=True, capture_output=True, text=True).stdout
    thread, frames = None, []
    for line in text.splitlines():
        if line.startswith("jdk.ExecutionSample"):
            if thread is not None:
                yield thread, frames
            thread, frames = "", []
        elif (m := THREAD.match(line)):
            thread = m.group(1)
        elif (m := FRAME.match(line)):
            frames.append(m.group(1))
    if thread is not None:
        yield thread, frames


def main():
    patterns = {name: re.compile(p) for name, p in PARTS.items()}
    counts = dict.fromkeys(PARTS, 0)
    total = 0
    for thread, frames in samples(sys.argv[1]):
        if not WORKER.search(thread):
            continue
        total += 1
        for name, pattern in patterns.items():
            if any(pattern.search(f) for f in frames):
                counts[name] += 1
    print(f"{total} samples of the request and messaging threads")
    for name, n in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"{100 * n / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
