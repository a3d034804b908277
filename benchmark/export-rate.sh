#!/usr/bin/env bash
# Export rate: one practitioner with N messages (default 100,000: 5,000 threads of 20; two other
# practitioners have as many around them) seeded straight into PostgreSQL, exported by a clinic
# admin as NDJSON and as a Bundle with curl, while WildFly's heap is sampled with jstat. Runs the
# EAR the build made on the WildFly the integration suite provisioned (run `mvn -o verify` first),
# with Keycloak and a throwaway PostgreSQL from `config/missive services`, all on the ports below,
# then stops them.
#   benchmark/export-rate.sh [MESSAGES]
# Ports: EXPORT_PORT_OFFSET (3000: WildFly on 11080, management 12990), KEYCLOAK_PORT (9380),
# POSTGRES_PORT (15632), SMTP_PORT (4225); EXPORT_HEAP (-Xmx, 256m: the export must fit in it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
messages=${1:-100000}
threads=$((messages / 20))
offset=${EXPORT_PORT_OFFSET:-3000}
export KEYCLOAK_PORT=${KEYCLOAK_PORT:-9380} POSTGRES_PORT=${POSTGRES_PORT:-15632}
export SMTP_HOST=127.0.0.1 SMTP_PORT=${SMTP_PORT:-4225}
export MISSIVE_STATE_DIR=$root/ear/target/export-rate
export OIDC_PROVIDER_URL=http://localhost:$KEYCLOAK_PORT/realms/missive
export MISSIVE_DB_DRIVER=postgresql MISSIVE_DB_URL=jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/missive
export MISSIVE_DB_USER=missive MISSIVE_DB_PASSWORD=missive PGPASSWORD=missive
fhir=http://localhost:$((8080 + offset))/fhir
provisioned=$root/ear/target/it-stack/wildfly-postgresql
[[ -d $provisioned && -f $root/ear/target/missive.ear ]] || { echo "run mvn -o verify first" >&2; exit 1; }
bin=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1)

wildfly=$MISSIVE_STATE_DIR/wildfly
rm -rf "$wildfly" && mkdir -p "$MISSIVE_STATE_DIR" && cp -r "$provisioned" "$wildfly"
rm -rf "$wildfly/standalone/data" "$wildfly/standalone/deployments/"*
cp "$root/ear/target/missive.ear" "$wildfly/standalone/deployments/"
"$root/config/missive" services start >/dev/null
JAVA_OPTS="-Xms128m -Xmx${EXPORT_HEAP:-256m} -Djava.net.preferIPv4Stack=true" \
  "$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.socket.binding.port-offset="$offset" \
  >"$MISSIVE_STATE_DIR/wildfly.out" 2>&1 &
launcher=$!
java_pid=
cleanup() {
  # WildFly's java first: once its launcher script is gone it would be left running.
  if [[ -n $java_pid ]]; then kill "$java_pid" 2>/dev/null || true; fi
  kill "$launcher" 2>/dev/null || true
  "$root/config/missive" services stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 30); do
  java_pid=$(pgrep -P "$launcher" java || true)
  [[ -n $java_pid ]] && break
  sleep 1
done
for _ in $(seq 1 300); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$fhir/metadata") =~ ^(200|401)$ ]] && break
  sleep 1
done

psql() { "$bin/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -U missive -d missive -v ON_ERROR_STOP=1 -q "$@"; }
# The scaling runs' data (benchmark/bulk-messages.sql): three practitioners with $threads threads
# of 20 messages each; the first one is exported. One thread in ten is made confidential and the
# last message of one thread in ten retracted, as the API would leave them.
prefix=export-
practitioner=${prefix}pr0
SECONDS=0
psql -v prefix="$prefix" -v threads="$threads" <"$root/benchmark/bulk-messages.sql" 2>/dev/null
psql -c "update conversation set confidential = true where id like '${prefix}t0-%0'" \
     -c "update message set status = 'RETRACTED', text = null where id like '${prefix}t0-%5-m20'"
echo "seeded $(psql -At -c "select count(*) from message m join conversation c on c.id = m.conversation_id
  where c.practitioner_id = '$practitioner'") messages of $practitioner in $threads threads \
($(psql -At -c "select count(*) from message") in the database) in $SECONDS s"

token=$(curl -sf -d grant_type=password -d client_id=missive-cli -d username=admin -d password=admin \
  --data-urlencode 'scope=openid user/*.cruds' \
  "http://localhost:$KEYCLOAK_PORT/realms/missive/protocol/openid-connect/token" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')

# Heap in use (survivors + eden + old, KiB) and old generation alone, every 200 ms.
heap_peak() {
  awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used; if ($8 > old) old = $8 }
       END { printf "heap in use peak %.0f MiB, old generation peak %.0f MiB", max / 1024, old / 1024 }' "$1"
}
export_once() {
  local label=$1 query=$2 samples=$MISSIVE_STATE_DIR/jstat-$1.txt
  jstat -gc "$java_pid" 200 >"$samples" &
  local sampler=$!
  local result
  result=$(curl -s -o "$MISSIVE_STATE_DIR/export-$label" -w '%{http_code} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $token" "$fhir/Practitioner/$practitioner/\$export-messages$query")
  kill "$sampler"
  read -r code seconds bytes <<<"$result"
  local records
  records=$(grep -o '"resourceType":"Communication"' "$MISSIVE_STATE_DIR/export-$label" | wc -l)
  awk -v l="$label" -v c="$code" -v s="$seconds" -v b="$bytes" -v r="$records" -v h="$(heap_peak "$samples")" \
    'BEGIN { printf "%-8s HTTP %s: %d resources, %.1f MB in %.1f s = %.0f messages/s, %.1f MB/s; %s\n",
             l, c, r, b / 1e6, s, (r - r / 21) / s, b / 1e6 / s, h }'
}
echo "heap limit $(jcmd "$java_pid" VM.flags | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | awk -F= '{printf "%d MiB", $2/1048576}'), $(nproc) cores, PostgreSQL $("$bin/postgres" --version | awk '{print $3}')"
export_once warmup "?_outputFormat=application/fhir%2Bndjson"
export_once ndjson "?_outputFormat=application/fhir%2Bndjson"
export_once bundle ""
python3 -c "import json,sys; b=json.load(open(sys.argv[1])); print('bundle parses:', len(b['entry']), 'entries')" \
  "$MISSIVE_STATE_DIR/export-bundle"

# The live heap (the old generation right after a full GC: young objects allocated since are
# still in eden) idle, then every second of one more NDJSON export: what the export holds,
# unlike the peaks above, which are mostly garbage waiting for the next GC.
live_mib() {
  jcmd "$java_pid" GC.run >/dev/null
  jstat -gc "$java_pid" | awk 'NR == 2 { printf "%.0f", $8 / 1024 }'
}
idle=$(live_mib)
curl -s -o /dev/null -H "Authorization: Bearer $token" \
  "$fhir/Practitioner/$practitioner/\$export-messages?_outputFormat=ndjson" &
download=$!
peak=0
while kill -0 "$download" 2>/dev/null; do
  live=$(live_mib)
  if ((live > peak)); then
    peak=$live
    jcmd "$java_pid" GC.class_histogram 2>/dev/null | head -n 15 >"$MISSIVE_STATE_DIR/histogram-at-peak.txt" || true
  fi
  sleep 1
done
echo "live heap after a full GC: idle $idle MiB, peak during an NDJSON export $peak MiB (one full GC a second;"
echo "  the largest classes then: $MISSIVE_STATE_DIR/histogram-at-peak.txt)"
