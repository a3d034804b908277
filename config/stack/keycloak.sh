# shellcheck shell=bash
# Keycloak: start-dev with an in-memory H2 (dev-mem), the demo realm imported at every start.
# Two instances (the stack's and a test run's) may run from one home at the same time: same
# build options (so neither triggers a rebuild), their own HTTP and management ports. Starts
# from one home are serialised with a lock so that the one-time build never runs twice at once.

KEYCLOAK_VERSION=26.7.3
# The Maven build overrides the port so that tests never collide with a running stack.
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
# Keycloak 26 serves health on a separate management port (9000 by default), which two
# instances would fight over: give each one its own, next to its HTTP port.
KEYCLOAK_MGMT_PORT=${KEYCLOAK_MGMT_PORT:-$((KEYCLOAK_PORT + 1))}
KEYCLOAK_HOME=${MISSIVE_KEYCLOAK_HOME:-$HOME/.cache/missive/keycloak-$KEYCLOAK_VERSION}
KEYCLOAK_URL=http://localhost:$KEYCLOAK_PORT
REALM=missive

keycloak_unpack() {
    [[ -x $KEYCLOAK_HOME/bin/kc.sh ]] && return
    local zip parent tmp
    zip=$(artifact org.keycloak keycloak-quarkus-dist "$KEYCLOAK_VERSION" zip)
    parent=$(dirname "$KEYCLOAK_HOME")
    mkdir -p "$parent"
    tmp=$(mktemp -d "$parent/.unpack.XXXXXX")
    say "unpacking Keycloak $KEYCLOAK_VERSION into $KEYCLOAK_HOME (its first start builds it: ~30-45 s once)"
    unzip -q "$zip" -d "$tmp"
    mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
    rmdir "$tmp"
}

# The realm, letting the portal sign in from MISSIVE_PORTAL_URL too when it is not one the realm lists
# (a test run on other ports).
keycloak_realm() {
    local realm="$ROOT/config/keycloak/missive-realm.json" portal="${MISSIVE_PORTAL_URL:-}"
    if [ -z "$portal" ] || grep -qF "\"$portal/*\"" "$realm"; then
        cat "$realm"
    else
        sed "s|\"redirectUris\": \[|&\n        \"$portal/*\",|" "$realm"
    fi
}

keycloak_ready() { http_ok "$KEYCLOAK_URL/realms/$REALM/.well-known/openid-configuration"; }

keycloak_start() {
    if running keycloak; then
        say "keycloak already running (pid $(live_pid keycloak))"
        return
    fi
    mkdir -p "$(dirname "$KEYCLOAK_HOME")"
    # Held (fd 9) until this instance is ready; launch() does not pass fd 9 on to Keycloak.
    exec 9>"$(dirname "$KEYCLOAK_HOME")/.keycloak-$KEYCLOAK_VERSION.lock"
    flock -w "$TIMEOUT" 9 || die "another Keycloak is still starting from $KEYCLOAK_HOME (lock held for ${TIMEOUT}s)"
    keycloak_unpack
    require_free_port keycloak "$KEYCLOAK_PORT"
    require_free_port "keycloak management" "$KEYCLOAK_MGMT_PORT"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    keycloak_realm >"$KEYCLOAK_HOME/data/import/missive-realm.json"
    # Demo admin console login admin/admin (master realm).
    # The transaction log directory defaults to <home>/data: keep each instance's apart.
    launch keycloak env \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -Dquarkus.transaction-manager.object-store.directory=$STATE/keycloak/transaction-logs" \
        "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
        --hostname="$KEYCLOAK_URL" \
        --http-management-port="$KEYCLOAK_MGMT_PORT" \
        --db=dev-mem --health-enabled=true --import-realm
    echo "$KEYCLOAK_URL" >"$RUN/keycloak.url"
    say "keycloak starting on $KEYCLOAK_URL (log $LOGS/keycloak.log)"
}

keycloak_wait() {
    running keycloak || return 0
    wait_ready keycloak keycloak_ready
    exec 9>&-   # release the start lock
}

keycloak_stop() { stop_service keycloak 30; }

keycloak_status() { service_status keycloak; }
