#!/usr/bin/env python3
"""The checks of benchmark/failover.sh and benchmark/faults.sh, over what they recorded
(standard library only).

  failover_check.py mail-snapshot OUT      every Message-ID in GreenMail now, with its count, to OUT
  failover_check.py report DIR             the failover's figures, from DIR/requests.tsv (the load
                                           client's --log), DIR/times (kill, down, restart, up, ms),
                                           DIR/mail-at-restart.json and GreenMail; exit 1 if a 2xx
                                           write is lost, an email is missing or one is sent twice
  failover_check.py fault NAME DIR         a fault's figures, from DIR/requests.tsv and DIR/times
                                           (fault: it began, cleared: it was undone, optionally
                                           recovered: the script saw the service work again, ms):
                                           sent, accepted, lost, emailed twice, time to recover,
                                           and a last line RESULT for the table; exit 1 likewise
  failover_check.py delivered DIR          exit 0 if every email due for a message accepted before
                                           the fault was cleared (DIR/requests.tsv as it is being
                                           written, DIR/times) has arrived

The Message-ID of the email about message M to recipient R is the SHA-256 of "M/R" (R as Missive
writes a party: PATIENT/id), see ejb/.../notification/NotificationMail.java: so the emails due are
known exactly from the accepted sends, and a second copy of one shows as the same id twice.
"""
import concurrent.futures
import hashlib
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

FHIR = "http://localhost:8080/fhir"
TOKEN = "http://localhost:8180/realms/missive/protocol/openid-connect/token"
GREENMAIL = "http://localhost:8380/api"
SCOPES = "openid patient/*.cruds user/*.cruds"


def get_json(url, token=None):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def mail_ids():
    """Message-ID local part -> how many emails carry it, over every GreenMail mailbox."""
    counts = {}
    for user in get_json(GREENMAIL + "/user"):
        address = urllib.parse.quote(user["email"])
        for mail in get_json(f"{GREENMAIL}/user/{address}/messages/INBOX"):
            found = re.search(r"(?im)^message-id:\s*<([^@>]+)", mail["mimeMessage"])
            if found:
                counts[found.group(1)] = counts.get(found.group(1), 0) + 1
    return counts


def token(username):
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "missive-cli",
                                   "username": username, "password": username, "scope": SCOPES})
    with urllib.request.urlopen(TOKEN, form.encode(), timeout=30) as answer:
        return json.load(answer)["access_token"]


def readable(write, tokens):
    request = urllib.request.Request(f"{FHIR}/Communication/{write['id']}",
                                     headers={"Authorization": "Bearer " + tokens[write["user"]]})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as e:
        return e.code


def expected_id(write):
    kind, party = write["recipient"].split("/", 1)
    recipient = ("PATIENT/" if kind == "Patient" else "PRACTITIONER/") + party
    return hashlib.sha256(f"{write['id']}/{recipient}".encode()).hexdigest()


def lost_writes(writes):
    """Every 2xx write read back with its writer's token: (write, status) of those not 200."""
    tokens = {user: token(user) for user in {w["user"] for w in writes}}
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda w: readable(w, tokens), writes))
    return [(w, s) for w, s in zip(writes, statuses) if s != 200]


def emails(writes):
    """The emails due, every Message-ID in GreenMail with its count, those missing, those twice.

    Patients are always emailed; a practitioner only when not working in the portal (staff
    activity), which the load client cannot know: their emails count for duplicates only."""
    due = {expected_id(w): w for w in writes if w["op"] == "send" and w["recipient"].startswith("Patient/")}
    counts = mail_ids()
    missing = [w for m, w in due.items() if m not in counts]
    twice = {m: c for m, c in counts.items() if c > 1}
    return due, counts, missing, twice


def load(directory):
    requests = []
    with open(f"{directory}/requests.tsv") as lines:
        for line in lines:
            if not line.endswith("\n"):  # the one being written
                continue
            start, end, user, op, status, rid, recipient = line.rstrip("\n").split("\t")
            requests.append({"start": int(start), "end": int(end), "user": user, "op": op,
                             "status": int(status), "id": rid, "recipient": recipient})
    with open(f"{directory}/times") as f:
        times = {k: int(v) for k, v in (line.split() for line in f if line.strip())}
    return requests, times


def report(directory):
    requests, times = load(directory)
    kill, down, restart, up = times["kill"], times["down"], times["restart"], times.get("up", 0)
    ok = [r for r in requests if 200 <= r["status"] < 300]
    failed = [r for r in requests if not 200 <= r["status"] < 300]
    print(f"requests: {len(requests)}, 2xx {len(ok)}, failed {len(failed)}")
    print(f"balancer: node 2 marked DOWN {down - kill} ms after the kill -9"
          + (f", UP again {up - restart} ms after its restart began" if up else ", never UP again"))

    def window(r):
        if r["start"] < kill <= r["end"]:
            return "in flight at the kill"
        if r["end"] < kill:
            return "before the kill"
        if r["start"] <= down:
            return "after the kill, before the balancer noticed"
        return "after the balancer noticed"

    groups = {}
    for r in failed:
        groups.setdefault(window(r), []).append(r)
    for name, rs in groups.items():
        kinds = sorted({f"{r['op']} {r['status']}" for r in rs})
        span = f"{min(r['start'] for r in rs) - kill:+} .. {max(r['end'] for r in rs) - kill:+} ms from the kill"
        print(f"  failed {name}: {len(rs)} ({', '.join(kinds)}; {span})")

    writes = [r for r in ok if r["id"] != "-"]
    lost = lost_writes(writes)
    print(f"2xx writes: {len(writes)}, readable through the balancer: {len(writes) - len(lost)}, lost: {len(lost)}")
    for w, s in lost[:5]:
        print(f"  lost: {w['op']} Communication/{w['id']} answered {w['start'] - kill:+} ms from the kill, now {s}")

    due, _, missing, twice = emails(writes)
    with open(f"{directory}/mail-at-restart.json") as f:
        at_restart = json.load(f)
    # Messages accepted after the kill: node 2 was dead until its restart, the survivor's alone.
    dead_window = {m: w for m, w in due.items() if kill <= w["end"] < restart}
    late = [m for m in dead_window if m not in at_restart]
    print(f"emails due (messages to patients): {len(due)}, delivered: {len(due) - len(missing)}, "
          f"missing: {len(missing)}, sent more than once: {len(twice)}")
    for w in missing[:5]:
        print(f"  missing: the email about Communication/{w['id']}, accepted {w['end'] - kill:+} ms from the kill")
    for m in list(twice)[:5]:
        w = due.get(m)
        about = f"Communication/{w['id']}, accepted {w['end'] - kill:+} ms from the kill" if w else "a practitioner"
        print(f"  {twice[m]} copies of the email about {about}; {at_restart.get(m, 0)} had come before the restart")
    print(f"  of those accepted while node 2 was dead: {len(dead_window)}, "
          f"not delivered before the restart: {len(late)}")
    before = [w for m, w in due.items() if w["end"] < kill]
    print(f"  of those accepted before the kill: {len(before)}, "
          f"not delivered before the restart: {sum(1 for m, w in due.items() if w['end'] < kill and m not in at_restart)}")
    return 1 if lost or missing or twice else 0


def fault(name, directory):
    requests, times = load(directory)
    began, cleared = times["fault"], times["cleared"]
    ok = [r for r in requests if 200 <= r["status"] < 300]
    failed = [r for r in requests if not 200 <= r["status"] < 300]
    sent = [r for r in requests if r["op"] in ("send", "start-thread")]
    writes = [r for r in ok if r["id"] != "-"]
    print(f"requests: {len(requests)}, 2xx {len(ok)}, failed {len(failed)}; "
          f"messages sent (send, start-thread): {len(sent)}, accepted: {len(writes)}")

    def window(r):
        if r["end"] < began:
            return "before the fault"
        if r["start"] < cleared:
            return "during the fault"
        return "after it was undone"

    groups = {}
    for r in failed:
        groups.setdefault(window(r), []).append(r)
    for label, rs in groups.items():
        kinds = {}
        for r in rs:
            kinds[f"{r['op']} {r['status']}"] = kinds.get(f"{r['op']} {r['status']}", 0) + 1
        print(f"  failed {label}: {len(rs)} ({', '.join(f'{k} x{n}' for k, n in sorted(kinds.items()))};"
              f" the slowest answered in {max(r['end'] - r['start'] for r in rs)} ms)")

    lost = lost_writes(writes)
    print(f"2xx writes read back: {len(writes) - len(lost)} of {len(writes)}, lost: {len(lost)}")
    for w, s in lost[:5]:
        print(f"  lost: {w['op']} Communication/{w['id']} answered {w['end'] - began:+} ms from the fault, now {s}")
    due, _, missing, twice = emails(writes)
    print(f"emails due (messages to patients): {len(due)}, delivered: {len(due) - len(missing)}, "
          f"missing: {len(missing)}, sent more than once: {len(twice)}")
    for w in missing[:5]:
        print(f"  missing: the email about Communication/{w['id']}, accepted {w['end'] - began:+} ms from the fault")

    # Recovered: what the script saw, else the first 2xx of the load after its last failure.
    recovered = times.get("recovered")
    late = [r["end"] for r in failed if r["start"] >= began]
    if recovered is None and late:
        recovered = min((r["end"] for r in ok if r["start"] >= max(late)), default=None)
    recover = "-" if recovered is None else f"{max(0, recovered - cleared) / 1000:.1f}"
    print(f"fault {(cleared - began) / 1000:.1f} s; working again {recover} s after it was undone")
    print(f"RESULT {name}: sent {len(sent)}, accepted {len(writes)}, lost {len(lost)}, "
          f"emailed twice {len(twice)}, missing {len(missing)}, failed requests {len(failed)}, recover {recover} s")
    return 1 if lost or missing or twice else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "mail-snapshot":
        with open(sys.argv[2], "w") as out:
            json.dump(mail_ids(), out)
    elif len(sys.argv) == 3 and sys.argv[1] == "report":
        sys.exit(report(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "delivered":
        requests, times = load(sys.argv[2])
        writes = [r for r in requests if 200 <= r["status"] < 300 and r["id"] != "-" and r["end"] < times["cleared"]]
        sys.exit(1 if emails(writes)[2] else 0)
    elif len(sys.argv) == 4 and sys.argv[1] == "fault":
        sys.exit(fault(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
