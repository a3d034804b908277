#!/usr/bin/env bash
# Faults under load (docs/faults.md). Against the running stack (config/missive up [--postgres]),
# the load client's mixed workload at FAULT_USERS users, every request logged; FAULT_AFTER s into
# it the fault is made, then undone. When the load is over (and the load client has waited for its
# emails), benchmark/failover_check.py reports: messages sent and accepted, every 2xx write read
# back (lost: 0), every email due for a message to a patient, by Message-ID (missing: 0, twice:
# 0), the requests that failed and when, and the time to recover. Exit code 1 if anything is lost,
# missing or doubled, or the fault's own check fails.
#
#   benchmark/faults.sh kill9              kill -9 of WildFly, then config/missive up --no-build
#   benchmark/faults.sh keycloak [S]       Keycloak frozen (SIGSTOP) for S s (60): it accepts
#                                          connections and answers nothing; tokens issued before
#                                          must keep working, new sign-ins fail
#   benchmark/faults.sh attachments-full   WildFly restarted first with its attachment directory on
#                                          a 2 MB tmpfs (root); filled; uploads must get 507, leave
#                                          no file and no row (PostgreSQL: rows checked), the load
#                                          nothing; space freed; WildFly restarted as it was after
#   benchmark/faults.sh poison             Dr Lee writes to a patient whose address is not an email
#                                          address (the directory takes it), and on PostgreSQL an
#                                          outbox row of a kind the server does not know is added:
#                                          the first must be a dead letter, the others' emails flow
#   benchmark/faults.sh postgres [S]       PostgreSQL stopped for S s (10), on `up --postgres`
#   benchmark/faults.sh smtp [S]           the SMTP relay refusing connections for S s (300):
#                                          WildFly restarted first to send through a forwarder to
#                                          GreenMail (which keeps what it received), the forwarder
#                                          stopped and started again; every email must arrive once
#
# Environment: FAULT_USERS (8), FAULT_AFTER (20), FAULT_DURATION (seconds of load: 180 for kill9,
# 120 for keycloak, FAULT_AFTER + S + 60 for smtp, 90 otherwise). Files in $MISSIVE_STATE_DIR/faults/FAULT (default .stack/faults).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=config/stack/common.sh
source "$ROOT/config/stack/common.sh"
# shellcheck source=config/stack/keycloak.sh
source "$ROOT/config/stack/keycloak.sh"
# shellcheck source=config/stack/wildfly.sh
source "$ROOT/config/stack/wildfly.sh"
# shellcheck source=benchmark/under-load.sh
source "$ROOT/benchmark/under-load.sh"

fault=${1:-}
seconds=${2:-}
users=${FAULT_USERS:-8}
after=${FAULT_AFTER:-20}
fhir=$WILDFLY_URL/fhir
out=$STATE/faults/$fault
running wildfly || die "run config/missive up [--postgres] first (a single node)"
database=h2
up=(--no-build)
if [[ -f $RUN/postgres.url ]]; then
    database=postgresql
    up+=(--postgres)
    export POSTGRES_PORT
    POSTGRES_PORT=$(sed -E 's/.*:([0-9]+)\/.*/\1/' "$RUN/postgres.url")
    # shellcheck source=config/stack/postgres.sh
    source "$ROOT/config/stack/postgres.sh"
fi

mark() { echo "$1 $(now_ms)" >>"$out/times"; }
token() {
    curl -sf -m "${2:-30}" -d grant_type=password -d client_id=missive-cli -d username="$1" -d password="$1" \
        --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' \
        "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" | stdin_id access_token
}
engine_token() {
    curl -sf -d grant_type=client_credentials -d client_id=integration-engine -d client_secret=integration-secret \
        --data-urlencode 'scope=system/*.cruds' "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" \
        | stdin_id access_token
}
stdin_id() { python3 -c 'import sys,json; print(json.load(sys.stdin)[sys.argv[1]])' "${1:-id}"; }
psql_missive() { "$(pg_bin)/psql" -qtA -h 127.0.0.1 -p "$POSTGRES_PORT" -U missive -d missive -c "$1"; }
# WildFly stopped (if it runs) and started again by config/missive up --no-build: the rest runs on
restart_wildfly() {
    wildfly_stop >/dev/null
    "$ROOT/config/missive" up "${up[@]}" >>"$out/restart.log" 2>&1 || { tail -n 20 "$out/restart.log"; exit 1; }
}
# check WHAT COMMAND...: a fault's own check, printed; the run fails at the end if it does not hold
check() {
    local what=$1
    shift
    if "$@"; then echo "  ok: $what"; else echo "  FAILED: $what"; failed=1; fi
}
failed=0

fault_kill9() {
    local java launcher
    java=$(cat "$RUN/wildfly-java.pid")
    launcher=$(cat "$RUN/wildfly.pid")
    mark fault
    kill -9 "$java"
    while kill -0 "$launcher" 2>/dev/null; do sleep 0.2; done   # standalone.sh ends with its JVM
    mark cleared
    echo "kill -9 of WildFly (pid $java); config/missive up --no-build at once"
    restart_wildfly
    echo "  WildFly ready again (config/missive up done) $((($(now_ms) - $(awk '$1 == "cleared" {print $2}' "$out/times")) / 1000)) s after the kill"
}

fault_keycloak() {
    local kc probes=0 refused=0 until
    kc=$(live_pid keycloak)
    mark fault
    kill -STOP -- "-$kc"   # its process group: kc.sh and its JVM
    echo "Keycloak frozen (SIGSTOP, process group $kc) for ${seconds:-60} s; a new sign-in tried every 5 s"
    until=$((SECONDS + ${seconds:-60}))
    while ((SECONDS < until)); do
        probes=$((probes + 1))
        token alice 5 >/dev/null 2>&1 || refused=$((refused + 1))
        sleep 5
    done
    kill -CONT -- "-$kc"
    mark cleared
    until token alice 5 >/dev/null 2>&1; do sleep 0.2; done
    mark recovered
    check "new sign-ins while Keycloak was down failed: $refused of $probes (no answer within 5 s)" test "$refused" -eq "$probes"
}

attachments_dir=$STATE/attachments-tmpfs
attachments_full_prepare() {
    mkdir -p "$attachments_dir"
    mountpoint -q "$attachments_dir" || mount -t tmpfs -o size=2m missive-attachments "$attachments_dir" \
        || die "could not mount a tmpfs (run as root)"
    echo "WildFly restarted with MISSIVE_ATTACHMENT_DIR on a 2 MB tmpfs ($attachments_dir)"
    MISSIVE_ATTACHMENT_DIR=$attachments_dir restart_wildfly
    python3 -c 'import sys; sys.stdout.buffer.write(b"%PDF-1.4\n" + b"% a page of nothing\n" * 15000 + b"%%EOF\n")' \
        >"$out/upload.pdf"
}
upload() {
    curl -s -o "$out/upload.json" -D "$out/upload.headers" -w '%{http_code}' -H "Authorization: Bearer $alice" \
        -H 'Content-Type: application/pdf' --data-binary @"$out/upload.pdf" "$fhir/Binary"
}
kept_files() { find "$attachments_dir" -maxdepth 1 -type f ! -name filler | wc -l; }
fault_attachments_full() {
    local alice codes=() code i since files before rows
    alice=$(token alice)
    before=$(upload)
    check "an upload before the fault answered $before" test "$before" = 201
    files=$(kept_files)
    since=$(date -u +%FT%T.%3NZ)
    mark fault
    dd if=/dev/zero of="$attachments_dir/filler" bs=64k 2>/dev/null || true   # until the file system is full
    echo "attachment directory full ($(df -h --output=avail "$attachments_dir" | tail -n 1 | tr -d ' ') left); 20 uploads, one a second"
    for i in $(seq 1 20); do
        code=$(upload)
        codes+=("$code")
        [[ $i == 1 ]] && cp "$out/upload.json" "$out/refusal.json" && cp "$out/upload.headers" "$out/refusal.headers"
        sleep 1
    done
    echo "  uploads while full, by status: $(printf '%s\n' "${codes[@]}" | sort | uniq -c | xargs)"
    echo "  the first answer: $(tr -d '\r' <"$out/refusal.headers" | grep -i '^retry-after' || echo 'no Retry-After'); $(cat "$out/refusal.json")"
    check "every upload while full answered 507" test "$(printf '%s\n' "${codes[@]}" | sort -u)" = 507
    check "no half-written file: nothing in .incoming" test -z "$(ls -A "$attachments_dir/.incoming")"
    check "no file kept while full ($(kept_files) files, $files before)" test "$(kept_files)" -eq "$files"
    if [[ $database == postgresql ]]; then
        rows=$(psql_missive "select count(*) from attachment where created >= '$since'")
        check "no attachment row since the fault ($rows)" test "$rows" -eq 0
    fi
    rm -f "$attachments_dir/filler"
    mark cleared
    until [[ $(upload) == 201 ]]; do sleep 0.2; done
    mark recovered
}
attachments_full_restore() {
    echo "WildFly restarted on its own attachment directory; the tmpfs unmounted"
    wildfly_stop >/dev/null
    umount "$attachments_dir"
    restart_wildfly
}

fault_poison() {
    local engine drlee thread admin listed
    engine=$(engine_token)
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $engine" -H 'Content-Type: application/fhir+json' -d '{
        "resourceType": "Patient", "id": "fault-poison", "name": [{"text": "Fault Poison"}],
        "telecom": [{"system": "email", "value": "not an address"}]}' "$fhir/Patient/fault-poison"
    curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $engine" -H 'Content-Type: application/fhir+json' -d '{
        "resourceType": "CareTeam", "id": "careteam-fault-poison", "status": "active",
        "subject": {"reference": "Patient/fault-poison"},
        "participant": [{"member": {"reference": "Practitioner/drlee"}}]}' "$fhir/CareTeam/careteam-fault-poison"
    drlee=$(token drlee)
    admin=$(token admin)
    mark fault
    thread=$(curl -sf -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
        "resourceType": "Communication", "status": "in-progress", "subject": {"reference": "Patient/fault-poison"},
        "recipient": [{"reference": "Practitioner/drlee"}], "topic": {"text": "Fault check"}}' "$fhir/Communication" | stdin_id)
    curl -sf -o /dev/null -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
        "resourceType": "Communication", "status": "completed", "partOf": [{"reference": "Communication/'"$thread"'"}],
        "payload": [{"contentString": "To an address that is not one"}]}' "$fhir/Communication"
    echo "Dr Lee wrote in thread $thread to a patient whose address is not an email address"
    if [[ $database == postgresql ]]; then
        psql_missive "insert into pending_notification (message_id, party_type, party_id, conversation_id, requested)
                      values ('fault-poison', 'GROUP', 'fault', 'fault', now())"
        echo "and an outbox row of a recipient kind the server does not know was added (SQL)"
    fi
    mark cleared
    for _ in $(seq 1 120); do
        listed=$(curl -sf -H "Authorization: Bearer $admin" "$fhir/\$notification-dead-letters" | grep -c "$thread" || true)
        ((listed > 0)) && break
        sleep 0.5
    done
    mark recovered
    check "the email to the address that is not one is a dead letter (\$notification-dead-letters)" test "$listed" -gt 0
}

fault_postgres() {
    [[ $database == postgresql ]] || die "postgres: run config/missive up --postgres first"
    mark fault
    postgres_halt
    echo "PostgreSQL stopped for ${seconds:-10} s"
    sleep "${seconds:-10}"
    postgres_serve
    mark cleared
}

# The SMTP relay WildFly sends to, in front of GreenMail: a TCP forwarder (node) that can be stopped.
smtp_gate_port=$((SMTP_PORT + 100))
smtp_gate_start() {
    node -e '
        const net = require("net");
        const [listen, target] = process.argv.slice(1).map(Number);
        net.createServer((client) => {
            const relay = net.connect(target, "127.0.0.1");
            client.pipe(relay);
            relay.pipe(client);
            for (const [a, b] of [[client, relay], [relay, client]]) {
                a.on("error", () => b.destroy());
                a.on("close", () => b.destroy());
            }
        }).listen(listen, "127.0.0.1");' "$smtp_gate_port" "$SMTP_PORT" &
    smtp_gate=$!
    until (: </dev/tcp/127.0.0.1/"$smtp_gate_port") 2>/dev/null; do sleep 0.1; done
}
smtp_prepare() {
    smtp_gate_start
    echo "WildFly restarted to send through a forwarder on :$smtp_gate_port to GreenMail's SMTP on :$SMTP_PORT"
    SMTP_PORT=$smtp_gate_port restart_wildfly
}
fault_smtp() {
    mark fault
    kill "$smtp_gate"
    wait "$smtp_gate" 2>/dev/null || true
    echo "SMTP relay refusing connections for ${seconds:-300} s"
    sleep "${seconds:-300}"
    smtp_gate_start
    mark cleared
    echo "SMTP relay back; waiting for every email due for a message accepted until now"
    local until=$((SECONDS + 900))
    until python3 "$ROOT/benchmark/failover_check.py" delivered "$out"; do
        ((SECONDS < until)) || { echo "  not all delivered 15 min after the relay came back"; return; }
        sleep 2
    done
    mark recovered
}
smtp_restore() {
    echo "WildFly restarted to send to GreenMail directly; the forwarder stopped"
    wildfly_stop >/dev/null
    kill "$smtp_gate"
    restart_wildfly
}

case $fault in
    kill9) duration=${FAULT_DURATION:-180} ;;
    keycloak) duration=${FAULT_DURATION:-120} ;;
    smtp) duration=${FAULT_DURATION:-$((after + ${seconds:-300} + 60))} ;;
    *) duration=${FAULT_DURATION:-90} ;;
esac
case $fault in
    kill9 | keycloak | attachments-full | poison | postgres | smtp) ;;
    *) die "usage: benchmark/faults.sh kill9|keycloak [S]|attachments-full|poison|postgres [S]|smtp [S]" ;;
esac
rm -rf "$out"
mkdir -p "$out"
echo "$(date -u +%FT%TZ) $fault on $database, C=$users, load for $duration s, fault after $after s;" \
    "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/conditions"
[[ $fault == attachments-full ]] && attachments_full_prepare
[[ $fault == smtp ]] && smtp_prepare
# the emails held back by an SMTP outage come up to one redelivery delay (at most 5 min) after it
load_start "$out" "$users" "$duration" "$database-$fault" "$([[ $fault == smtp ]] && echo 360 || echo 60)"
sleep "$after"
case $fault in
    kill9) fault_kill9 ;;
    keycloak) fault_keycloak ;;
    attachments-full) fault_attachments_full ;;
    poison) fault_poison ;;
    postgres) fault_postgres ;;
    smtp) fault_smtp ;;
esac
load_wait
[[ $fault == attachments-full ]] && attachments_full_restore
[[ $fault == smtp ]] && smtp_restore
sleep 10   # an email sent again after a restart would come now
python3 "$ROOT/benchmark/failover_check.py" fault "$fault" "$out" || failed=1
exit "$failed"
