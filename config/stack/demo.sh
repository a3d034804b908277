# shellcheck shell=bash
# Demo data: the directory in config/demo/*.json, PUT with client-assigned ids (so loading
# twice updates rather than duplicates), with the integration engine's token; one conversation
# between Alice and Dr Lee, posted with If-None-Exist on its identifiers (so it is there once);
# and the banner that `up` ends with.

# Field of a JSON file, without requiring jq (python3 or node will do).
json_field() {
    local file=$1 field=$2
    if command -v jq >/dev/null; then
        jq -r ".$field" "$file"
    elif command -v python3 >/dev/null; then
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$file" "$field"
    elif command -v node >/dev/null; then
        node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]])' "$file" "$field"
    else
        die "need jq, python3 or node to read $file"
    fi
}

# A top-level field of the JSON on stdin, or nothing.
stdin_field() {
    local json
    json=$(cat)
    if command -v jq >/dev/null; then
        jq -r ".$1 // empty" <<<"$json"
    else
        python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1],""))' "$1" <<<"$json"
    fi
}

# The payload's access_token from a token endpoint answer on stdin.
access_token() {
    stdin_field access_token
}

# A demo person's token (the demo password is the username), with the scopes the portal asks for.
person_token() {
    curl -sf -d grant_type=password -d client_id=missive-cli -d username="$1" -d password="$1" \
        --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' \
        "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" | access_token
}

DEMO_IDENTIFIERS=https://missive.dev/fhir/sid/demo

# POSTs the Communication $3 as the holder of token $1, once: the identifier $2 is put into it
# (after its opening brace) and named in If-None-Exist, so a second `up` finds the first.
# Prints its id.
post_once() {
    local bearer=$1 identifier=$2 body=$3
    body=${body/\{/\{\"identifier\": [\{\"system\": \"$DEMO_IDENTIFIERS\", \"value\": \"$identifier\"\}], }
    curl -sf -H "Authorization: Bearer $bearer" -H 'Content-Type: application/fhir+json' \
        -H "If-None-Exist: identifier=$DEMO_IDENTIFIERS|$identifier" \
        -d "$body" "$WILDFLY_URL/fhir/Communication" | stdin_field id
}

demo_conversation() {
    local alice drlee thread
    alice=$(person_token alice)
    drlee=$(person_token drlee)
    [[ -n $alice && -n $drlee ]] || die "could not get the demo people's tokens"
    thread=$(post_once "$alice" knee-thread '{"resourceType": "Communication", "status": "in-progress",
        "category": [{"coding": [{"system": "https://missive.dev/fhir/CodeSystem/message-type", "code": "general"}]}],
        "subject": {"reference": "Patient/alice"}, "about": [{"reference": "EpisodeOfCare/episode-alice-knee"}],
        "recipient": [{"reference": "Practitioner/drlee"}], "topic": {"text": "Knee after the run"}}') || true
    [[ -n $thread ]] || die "could not start the demo conversation"
    post_once "$alice" knee-1 '{"resourceType": "Communication", "status": "completed",
        "partOf": [{"reference": "Communication/'"$thread"'"}],
        "payload": [{"contentString": "My knee is sore again after a run. Should I rest it?"}]}' >/dev/null \
        || die "could not send the demo message"
    post_once "$drlee" knee-2 '{"resourceType": "Communication", "status": "completed",
        "partOf": [{"reference": "Communication/'"$thread"'"}],
        "payload": [{"contentString": "Rest it for a week, with ice after walks. Book a visit if it still hurts."}]}' \
        >/dev/null || die "could not send the demo reply"
    say "demo conversation between alice and drlee in place"
}

# A demo file with its relative dates resolved: {{today-N}} is the date N days ago (UTC).
demo_body() {
    local body n
    body=$(<"$1")
    for n in $(grep -o '{{today-[0-9]*}}' "$1" | tr -dc '0-9\n' | sort -u); do
        body=${body//"{{today-$n}}"/$(date -u -d "$n days ago" +%F)}
    done
    printf '%s\n' "$body"
}

demo_load() {
    local token admin_token bearer file type id code body
    local files=("$ROOT"/config/demo/*.json)
    token=$(curl -sf -d grant_type=client_credentials -d client_id=integration-engine \
        -d client_secret=integration-secret --data-urlencode 'scope=system/*.cruds' \
        "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" | access_token) \
        || die "could not get a token for integration-engine from $KEYCLOAK_URL"
    [[ -n $token ]] || die "no access token for integration-engine"
    # The clinic's policy (Organization/clinic: messaging switched on) and its quick replies (Basic) are a clinic admin's to set.
    admin_token=$(curl -sf -d grant_type=password -d client_id=missive-cli -d username=admin -d password=admin \
        --data-urlencode 'scope=openid user/*.cruds' \
        "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" | access_token) \
        || die "could not get a token for the demo clinic admin from $KEYCLOAK_URL"
    body=$(mktemp)
    for file in "${files[@]}"; do
        type=$(json_field "$file" resourceType)
        id=$(json_field "$file" id)
        bearer=$token
        [[ $type == Organization || $type == Basic ]] && bearer=$admin_token
        code=$(curl -s -o "$body" -w '%{http_code}' -X PUT \
            -H "Authorization: Bearer $bearer" -H 'Content-Type: application/fhir+json' \
            --data-binary @- "$WILDFLY_URL/fhir/$type/$id" < <(demo_body "$file")) || code=000
        if [[ $code != 2* ]]; then
            printf 'missive: PUT /fhir/%s/%s answered %s:\n' "$type" "$id" "$code" >&2
            head -c 2000 "$body" >&2
            echo >&2
            rm -f "$body"
            die "loading demo data failed"
        fi
    done
    rm -f "$body"
    say "demo directory loaded (${#files[@]} resources from config/demo)"
}

demo_banner() {
    cat <<EOF

Missive is up (DEMO credentials below are public: never use them outside this machine).

  Portal            $WILDFLY_URL/portal/   (sign in as one of the logins below)
  FHIR base         $WILDFLY_URL/fhir
  Keycloak          $KEYCLOAK_URL   admin console $KEYCLOAK_URL/admin/  (admin / admin)
  GreenMail         smtp 127.0.0.1:$SMTP_PORT, mail of an address:
                    curl -s http://localhost:$GREENMAIL_API_PORT/api/user/alice@example.com/messages/INBOX
  WildFly mgmt      $WILDFLY_MGMT_URL
  state and logs    $STATE

  login (password = username)   role
    alice, ben, chloe           patient   (ben and chloe are minors)
    gina                        proxy
    drlee, drpatel, nursekim    practitioner
    sam                         practitioner and patient (chooses a side in the portal)
    admin                       clinic-admin

  integration client: client_id=integration-engine client_secret=integration-secret (client credentials)

  T=\$(curl -s -d grant_type=password -d client_id=missive-cli -d username=alice -d password=alice \\
      --data-urlencode 'scope=openid patient/*.cruds user/*.cruds' \\
      $KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token \\
      | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
  curl -s -H "Authorization: Bearer \$T" -G $WILDFLY_URL/fhir/Patient --data-urlencode 'identifier=https://missive.dev/fhir/sid/portal-username|alice'
EOF
}
