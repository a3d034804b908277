#!/usr/bin/env bash
# Checks that a committed notification is never lost, also across a WildFly kill -9: with the
# SMTP server down, Dr Lee sends N messages to Alice; WildFly is killed with SIGKILL while the
# requests wait for redelivery; the stack is started again (SMTP back); every email must arrive
# exactly once. Runs against the local stack (config/missive up), prints what it counted.
#   benchmark/kill9-notifications.sh [N]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-20}
kc=http://localhost:8180/realms/missive/protocol/openid-connect/token
fhir=http://localhost:8080/fhir
mail=http://localhost:8380/api/user/alice@example.com/messages/INBOX
state=${MISSIVE_STATE_DIR:-$root/.stack}

token() { curl -sf -d grant_type=password -d client_id=missive-cli -d username="$1" -d password="$1" \
            --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' "$kc" \
            | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])'; }
id_of() { python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])'; }
emails_about() { curl -sf "$mail" | python3 -c "import sys,json; print(sum('$1' in m['mimeMessage'] for m in json.load(sys.stdin)))"; }

"$root/config/missive" up --no-build >/dev/null
drlee=$(token drlee)
thread=$(curl -sf -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
  "resourceType": "Communication", "status": "in-progress", "subject": {"reference": "Patient/alice"},
  "recipient": [{"reference": "Practitioner/drlee"}], "topic": {"text": "kill -9 check"}}' "$fhir/Communication" | id_of)

kill "$(cat "$state/run/greenmail.pid")"          # the SMTP relay is down ...
sleep 1
for i in $(seq 1 "$n"); do                         # ... while the messages are committed
  curl -sf -o /dev/null -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
    "resourceType": "Communication", "status": "completed", "partOf": [{"reference": "Communication/'"$thread"'"}],
    "payload": [{"contentString": "Message '"$i"'"}]}' "$fhir/Communication"
done
java_pid=$(pgrep -P "$(cat "$state/run/wildfly.pid")" java || pgrep -f jboss-modules)
kill -9 "$java_pid"                                # WildFly dies with the requests still queued
echo "sent $n messages in thread $thread with SMTP down, then kill -9 of WildFly (pid $java_pid)"

"$root/config/missive" down >/dev/null 2>&1 || true
"$root/config/missive" up --no-build >/dev/null
for _ in $(seq 1 120); do
  got=$(emails_about "$thread")
  [[ $got -ge $n ]] && break
  sleep 1
done
sleep 5                                            # a duplicate would come late: wait a little longer
got=$(emails_about "$thread")
echo "emails to Alice about that thread after the restart: $got of $n"
[[ $got -eq $n ]]
