#!/usr/bin/env bash
# Emails wait out an SMTP outage: against the running stack (config/missive up), the SMTP server
# is stopped, Dr Lee sends N messages to Alice, the relay stays away for MINUTES, then it is
# started again. Every email must arrive exactly once, with no replay by hand. Prints when the
# last one arrived after the relay came back, and how many arrived twice.
#   benchmark/smtp-outage.sh [MINUTES] [N]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
minutes=${1:-5}
n=${2:-20}
# shellcheck source-path=SCRIPTDIR/..
# shellcheck source=config/stack/common.sh
source "$ROOT/config/stack/common.sh"
# wildfly.sh sets the SMTP port GreenMail listens on (it reads Keycloak's URL as it is sourced)
# shellcheck source=config/stack/keycloak.sh
source "$ROOT/config/stack/keycloak.sh"
# shellcheck source=config/stack/wildfly.sh
source "$ROOT/config/stack/wildfly.sh"
# shellcheck source=config/stack/greenmail.sh
source "$ROOT/config/stack/greenmail.sh"
kc=http://localhost:8180/realms/missive/protocol/openid-connect/token
fhir=http://localhost:8080/fhir
mail=http://localhost:$GREENMAIL_API_PORT/api/user/alice@example.com/messages/INBOX

drlee=$(curl -sf -d grant_type=password -d client_id=missive-cli -d username=drlee -d password=drlee \
    --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' "$kc" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
thread=$(curl -sf -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
  "resourceType": "Communication", "status": "in-progress", "subject": {"reference": "Patient/alice"},
  "recipient": [{"reference": "Practitioner/drlee"}], "topic": {"text": "SMTP outage check"}}' "$fhir/Communication" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
# emails about the thread, and how many distinct Message-IDs they carry
count_emails() {
    { curl -sf "$mail" || echo '[]'; } | python3 -c '
import json, re, sys
mails = [m["mimeMessage"] for m in json.load(sys.stdin) if sys.argv[1] in m["mimeMessage"]]
ids = {re.search(r"(?im)^message-id:\s*(\S+)", m).group(1) for m in mails}
print(len(mails), len(ids))' "$thread"
}

greenmail_stop
for i in $(seq 1 "$n"); do
    curl -sf -o /dev/null -H "Authorization: Bearer $drlee" -H 'Content-Type: application/fhir+json' -d '{
        "resourceType": "Communication", "status": "completed", "partOf": [{"reference": "Communication/'"$thread"'"}],
        "payload": [{"contentString": "Message '"$i"'"}]}' "$fhir/Communication"
done
echo "sent $n messages in thread $thread with the SMTP server down; it stays down for $minutes min"
sleep $((minutes * 60))
greenmail_start
greenmail_wait
back=$SECONDS
read -r got ids < <(count_emails)
until ((got >= n)) || ((SECONDS - back > 900)); do
    sleep 5
    read -r got ids < <(count_emails)
done
arrived=$((SECONDS - back))
sleep 30 # a duplicate would come late
read -r got ids < <(count_emails)
echo "emails to Alice about the thread: $got for $n messages ($ids distinct Message-IDs), the last ${arrived} s after SMTP was back"
((got == n && ids == n))
