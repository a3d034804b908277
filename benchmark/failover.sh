#!/usr/bin/env bash
# A node killed under load (docs/cluster.md). Through the balancer of a two-node cluster (started
# if it is not up), the load client's mixed workload at C users for DURATION s; KILL_AFTER s into
# it, kill -9 of node 2's JVM, which stays dead until the load is over and the load client has
# waited for its emails. Then node 2 is started again and read requests go through the balancer
# (how many node 2 serves), and after a pause for late emails benchmark/failover_check.py
# reports: the requests that failed and when (in flight at the kill, before the balancer noticed,
# after), every 2xx write read back through the balancer (lost: 0), every email due for a message
# to a patient delivered exactly once (GreenMail, by Message-ID), and which had arrived while
# node 2 was dead.
#   benchmark/failover.sh [KILL_AFTER [DURATION]]     defaults 20, 100
# Environment: FAILOVER_USERS (16). Files in $MISSIVE_STATE_DIR/failover (default .stack/failover).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=benchmark/under-load.sh
source "$ROOT/benchmark/under-load.sh"
kill_after=${1:-20}
duration=${2:-100}
users=${FAILOVER_USERS:-16}
state=$(realpath -m "${MISSIVE_STATE_DIR:-$ROOT/.stack}")
out=$state/failover
stats=http://127.0.0.1:8404/\;csv
fhir=http://localhost:8080/fhir
kc=http://localhost:8180/realms/missive/protocol/openid-connect/token

# node 2's state and the requests the balancer sent it, from HAProxy's statistics
node2() { curl -sf --max-time 2 "$stats" | awk -F, '$1 == "nodes" && $2 == "missive-2" { print $18, $8 }'; }
# Waits until node 2's state is $1; prints the time it was seen (ms).
await_node2() {
    local deadline=$((SECONDS + $2)) state
    until read -r state _ < <(node2) && [[ $state == "$1"* ]]; do
        ((SECONDS < deadline)) || { echo "node 2 not $1 after $2 s" >&2; return 1; }
        sleep 0.1
    done
    now_ms
}

if [[ $(cat "$state/run/cluster.nodes" 2>/dev/null) != 2 ]]; then
    "$ROOT/config/missive" up --nodes 2 --no-build
fi
rm -rf "$out"
mkdir -p "$out"

load_start "$out" "$users" "$duration" postgresql-2-nodes
echo "load: $users users for $duration s through the balancer; kill -9 of node 2 in $kill_after s"
sleep "$kill_after"

java=$(cat "$state/run/missive-2-java.pid")
kill_ms=$(now_ms)
kill -9 "$java"
down_ms=$(await_node2 DOWN 30)
echo "killed node 2 (pid $java); the balancer marked it DOWN after $((down_ms - kill_ms)) ms"

load_wait
python3 "$ROOT/benchmark/failover_check.py" mail-snapshot "$out/mail-at-restart.json"

restart_ms=$(now_ms)
echo "starting node 2 again"
MISSIVE_TIMEOUT=${MISSIVE_TIMEOUT:-600} "$ROOT/config/missive" node 2 start >"$out/restart.log" 2>&1 \
    || { tail -n 20 "$out/restart.log"; exit 1; }
up_ms=$(await_node2 UP 60)
printf 'kill %s\ndown %s\nrestart %s\nup %s\n' "$kill_ms" "$down_ms" "$restart_ms" "$up_ms" >"$out/times"
echo "node 2 UP in the balancer $(((up_ms - restart_ms) / 1000)) s after its restart began;" \
    "$(grep -o "joined cluster 'ejb' with view.*" "$state/logs/missive-2.log" | tail -n 1)"

token=$(curl -sf -d grant_type=password -d client_id=missive-cli -d username=bench-pa-0 -d password=bench-pa-0 \
    --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' "$kc" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
read -r _ served_before < <(node2)
failed=0
for _ in $(seq 1 100); do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$fhir/Communication?part-of:missing=true&_count=20" \
        || failed=$((failed + 1))
done
read -r _ served_after < <(node2)
echo "100 inbox reads through the balancer after the restart: node 2 served $((served_after - served_before)), $failed failed"

sleep 30   # an email node 2 sends again from its own journal would come now
python3 "$ROOT/benchmark/failover_check.py" report "$out"
