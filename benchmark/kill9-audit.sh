#!/usr/bin/env bash
# Checks that an answered request's audit record survives a WildFly kill -9: Dr Lee reads a new
# thread N times, eight requests at a time; as soon as the last one is answered WildFly is
# killed with SIGKILL; the stack is started again and every read answered 200 must be in the
# audit trail. Runs against the local stack (config/missive up [--postgres]; the same flag here),
# prints what it counted.
#   benchmark/kill9-audit.sh [N] [--postgres]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-200}
database=${2:-}
kc=http://localhost:8180/realms/missive/protocol/openid-connect/token
fhir=http://localhost:8080/fhir
state=${MISSIVE_STATE_DIR:-$root/.stack}

token() { curl -sf -d grant_type=password -d client_id=missive-cli -d username="$1" -d password="$1" \
            --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' "$kc" \
            | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])'; }

"$root/config/missive" up --no-build ${database:+"$database"} >/dev/null
drlee=$(token drlee)
thread=$(curl -sf -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
  "resourceType": "Communication", "status": "in-progress", "subject": {"reference": "Patient/alice"},
  "recipient": [{"reference": "Practitioner/drlee"}], "topic": {"text": "kill -9 audit check"}}' "$fhir/Communication" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')

export drlee fhir thread
# shellcheck disable=SC2016 # expanded by the inner sh, from the environment
answered=$(seq 1 "$n" | xargs -P 8 -I{} sh -c \
  'curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $drlee" "$fhir/Communication/$thread"' \
  | grep -c '^200$' || true)
java_pid=$(cat "$state/run/wildfly-java.pid")
kill -9 "$java_pid"                                # at once: a record still in memory would be lost
echo "$answered of $n reads of thread $thread answered 200, then kill -9 of WildFly (pid $java_pid)"

launcher=$(cat "$state/run/wildfly.pid")           # standalone.sh ends with its JVM
while kill -0 "$launcher" 2>/dev/null; do sleep 0.2; done
# Keycloak, GreenMail and PostgreSQL are still up: only WildFly starts again, on the same data.
"$root/config/missive" up --no-build ${database:+"$database"} >/dev/null
admin=$(token admin)
recorded=$(ADMIN=$admin python3 - "$fhir/AuditEvent?entity=Communication/$thread&agent=drlee&_count=100" <<'EOF'
import json, os, sys, urllib.request
url, reads = sys.argv[1], 0
while url:
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + os.environ["ADMIN"]})
    bundle = json.load(urllib.request.urlopen(request))
    reads += sum(1 for e in bundle.get("entry", []) for s in e["resource"].get("subtype", []) if s.get("code") == "read")
    url = next((link["url"] for link in bundle.get("link", []) if link["relation"] == "next"), None)
print(reads)
EOF
)
echo "reads of that thread in the audit trail after the restart: $recorded (answered 200: $answered)"
[[ $answered -eq $n && $recorded -ge $answered ]]
