#!/usr/bin/env bash
# What a client meets while the database restarts: with `config/missive up --postgres` running,
# PostgreSQL is stopped for $1 seconds (default 10) while Alice reads her inbox and sends a
# message every 0.2 s, then started again. Prints what the requests got while it was down (must
# be 503 with Retry-After, answered at once: never a 500 or a hang), how long after the restart
# the first request succeeded (WildFly recovers by itself), and checks that every message
# answered 201 is readable afterwards.
#   benchmark/postgres-restart.sh [SECONDS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
down_for=${1:-10}
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=config/stack/common.sh
source "$ROOT/config/stack/common.sh"
[[ -f $RUN/postgres.url ]] || die "run config/missive up --postgres first"
export POSTGRES_PORT
POSTGRES_PORT=$(sed -E 's/.*:([0-9]+)\/.*/\1/' "$RUN/postgres.url")
# shellcheck source=config/stack/postgres.sh
source "$ROOT/config/stack/postgres.sh"
kc=http://localhost:8180/realms/missive/protocol/openid-connect/token
fhir=http://localhost:8080/fhir
now_ms() { echo $(($(date +%s%N) / 1000000)); }

alice=$(curl -sf -d grant_type=password -d client_id=missive-cli -d username=alice -d password=alice \
    --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' "$kc" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
thread=$(curl -sf -H "Authorization: Bearer $alice" "$fhir/Communication?part-of:missing=true&_count=1" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["entry"][0]["resource"]["id"])')
log=$(mktemp)
answer=$(mktemp)
trap 'rm -f "$log" "$answer"' EXIT

# One inbox read and one send, a line each: phase, kind, status, seconds, Retry-After or the id sent.
probe() {
    local phase=$1
    {
        curl -s -o /dev/null -D "$answer" -w "$phase read %{http_code} %{time_total}" -m 30 \
            -H "Authorization: Bearer $alice" "$fhir/Communication?part-of:missing=true&_count=5"
        echo " $(grep -i '^retry-after' "$answer" | tr -d '\r' | cut -d' ' -f2)"
        curl -s -o "$answer" -w "$phase send %{http_code} %{time_total}" -m 30 \
            -H "Authorization: Bearer $alice" -H 'Content-Type: application/fhir+json' -d '{
            "resourceType": "Communication", "status": "completed",
            "partOf": [{"reference": "Communication/'"$thread"'"}],
            "payload": [{"contentString": "Sent during a database restart check"}]}' "$fhir/Communication"
        echo " $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("id",""))' "$answer" 2>/dev/null)"
    } >>"$log"
}

for _ in 1 2 3 4 5; do probe before; done
postgres_halt
stopped=$(now_ms)
while (($(now_ms) - stopped < down_for * 1000)); do probe down; sleep 0.2; done
postgres_serve
started=$(now_ms)
until probe after && tail -n 2 "$log" | awk '$3 !~ /^2/ {bad++} END {exit bad}'; do sleep 0.2; done
recovered=$(($(now_ms) - started))
for _ in 1 2 3 4 5; do probe after; done

echo "requests while PostgreSQL was down (${down_for} s), by status:"
awk '$1 == "down" {print "  " $2 " " $3}' "$log" | sort | uniq -c
awk '$1 == "down" {if ($4 > max) max = $4} END {printf "  slowest answer while down: %.3f s\n", max}' "$log"
awk '$1 == "down" && $3 == 503 && $2 == "read" && $5 == "" {n++} END {print "  503 without Retry-After: " n + 0}' "$log"
awk '$1 != "down" && $3 !~ /^2/ {n++} END {print "requests failed before the stop or after recovery: " n + 0}' "$log"
echo "first success after the restart: ${recovered} ms (WildFly not restarted)"
accepted=0 lost=0
while read -r id; do
    accepted=$((accepted + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $alice" "$fhir/Communication/$id")
    [[ $code == 200 ]] || lost=$((lost + 1))
done < <(awk '$2 == "send" && $3 == 201 {print $5}' "$log")
echo "messages answered 201: $accepted, not readable afterwards: $lost"
((lost == 0))
