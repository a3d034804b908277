# shellcheck shell=bash
# WildFly: a provisioned copy in the state dir (config/wildfly/provision owns how), the EAR
# deployed by the deployment scanner.
#
# The functions act on the node chosen with `wildfly_node NAME [OFFSET [HOME [BASE]]]`: NAME is
# its pid, url and log file name and its status line, OFFSET is added to the ports it binds
# (HTTP 8080, management 9990), HOME is its server directory (default $STATE/NAME), BASE its
# jboss.server.base.dir (configuration, data, deployments; default HOME/standalone). The stack
# runs one node: wildfly, offset 0, in $STATE/wildfly; a cluster (cluster.sh) runs several
# bases of one server, each started with WILDFLY_CONFIG and WILDFLY_OPTS of its own.

wildfly_node() {
    WILDFLY_NODE=$1
    WILDFLY_OFFSET=${2:-0}
    WILDFLY_HOME=${3:-$STATE/$1}
    WILDFLY_BASE=${4:-$WILDFLY_HOME/standalone}
    WILDFLY_HTTP_PORT=$((8080 + WILDFLY_OFFSET))
    WILDFLY_MGMT_PORT=$((9990 + WILDFLY_OFFSET))
    WILDFLY_MGMT_URL=http://127.0.0.1:$WILDFLY_MGMT_PORT
    DEPLOYMENTS=$WILDFLY_BASE/deployments
    WILDFLY_CONFIG=standalone-full.xml
    WILDFLY_OPTS=()
}

wildfly_node wildfly
# Where users, the links in e-mails and the demo loader reach the stack: its one node.
WILDFLY_URL=http://localhost:$WILDFLY_HTTP_PORT

# What WildFly's CLI config reads (${env.X:default} expressions). The caller's values win.
# GreenMail listens on SMTP_PORT.
: "${SMTP_HOST:=127.0.0.1}"
: "${SMTP_PORT:=3025}"
: "${OIDC_PROVIDER_URL:=$KEYCLOAK_URL/realms/$REALM}"
: "${MISSIVE_PORTAL_URL:=$WILDFLY_URL/portal}"
# The demo clinic admin gets the escalation of threads past their response time (in GreenMail).
: "${MISSIVE_CLINIC_ADMIN_EMAIL:=admin@example.com}"
export SMTP_HOST SMTP_PORT OIDC_PROVIDER_URL MISSIVE_PORTAL_URL MISSIVE_CLINIC_ADMIN_EMAIL
# Two malloc arenas keep native memory from growing with the thread count.
: "${MALLOC_ARENA_MAX:=2}"

# WildFly's JVM unless MISSIVE_JVM_OPTS says otherwise, chosen by measurement on 2 cores
# (docs/performance.md "JVM options"): the serial collector costs least where two cores are
# shared; the heap holds the live set with room: 256 MB for one node on PostgreSQL, 320 MB where
# H2 keeps its page cache in it too or a cluster node its replicated caches.
wildfly_jvm_opts() {
    local heap=320m
    [[ ${MISSIVE_DB_DRIVER:-} == postgresql && $WILDFLY_CONFIG == standalone-full.xml ]] && heap=256m
    echo "${MISSIVE_JVM_OPTS:--Xms128m -Xmx$heap -XX:+UseSerialGC}"
}

wildfly_provision() {
    [[ -d $WILDFLY_HOME ]] && return
    [[ -x $ROOT/config/wildfly/provision ]] || die "config/wildfly/provision is missing"
    say "provisioning WildFly into $WILDFLY_HOME"
    mkdir -p "$(dirname "$WILDFLY_HOME")"
    "$ROOT/config/wildfly/provision" "$WILDFLY_HOME" "$WILDFLY_CONFIG" >"$LOGS/provision.log" 2>&1 || {
        tail -n 40 "$LOGS/provision.log" >&2
        rm -rf "$WILDFLY_HOME"
        die "config/wildfly/provision failed (log $LOGS/provision.log)"
    }
    touch "$WILDFLY_HOME.provisioned"
}

# Put the EAR in place. Stopped server: clear old markers so the scanner deploys it afresh.
# Running server: replace the file atomically; the scanner sees the newer archive and redeploys.
wildfly_deploy() {
    local target=$DEPLOYMENTS/missive.ear
    if [[ -f $target ]] && cmp -s "$EAR" "$target"; then
        running "$WILDFLY_NODE" && return
    fi
    if running "$WILDFLY_NODE"; then
        say "redeploying missive.ear"
        rm -f "$target.failed"
    else
        rm -f "$target".{deployed,failed,undeployed,isdeploying,pending,skipdeploy}
    fi
    cp "$EAR" "$WILDFLY_BASE/missive.ear.tmp"
    mv -f "$WILDFLY_BASE/missive.ear.tmp" "$target"
}

# A marker (.deployed/.failed) that belongs to the archive now in place. The scanner stamps a
# marker with the archive's own mtime, truncated to milliseconds: compare whole seconds.
marker_current() {
    [[ -e $1.$2 ]] && (($(stat -c %Y "$1.$2") >= $(stat -c %Y "$1")))
}

wildfly_ready() {
    local target=$DEPLOYMENTS/missive.ear
    if marker_current "$target" failed; then
        printf 'missive: missive.ear failed to deploy: %s\n' "$(cat "$target.failed")" >&2
        fail_with_log "$WILDFLY_NODE" "could not deploy the EAR"
    fi
    marker_current "$target" deployed || return 1
    http_ok "$WILDFLY_MGMT_URL/health/ready"
}

wildfly_start() {
    local url=http://localhost:$WILDFLY_HTTP_PORT
    wildfly_provision
    if [[ $ROOT/config/wildfly -nt $WILDFLY_HOME.provisioned ]] \
        || [[ -n $(find "$ROOT/config/wildfly" -type f -newer "$WILDFLY_HOME.provisioned" -print -quit 2>/dev/null) ]]; then
        say "note: config/wildfly changed since $WILDFLY_HOME was provisioned;" \
            "'config/missive down --purge && config/missive up' re-provisions (and drops its data)"
    fi
    wildfly_deploy
    if running "$WILDFLY_NODE"; then
        say "$WILDFLY_NODE already running (pid $(live_pid "$WILDFLY_NODE"))"
        return
    fi
    require_free_port "$WILDFLY_NODE" "$WILDFLY_HTTP_PORT"
    require_free_port "$WILDFLY_NODE management" "$WILDFLY_MGMT_PORT"
    # LAUNCH_JBOSS_IN_BACKGROUND: standalone.sh forwards TERM to the JVM it forks and writes
    # the JVM's pid to JBOSS_PIDFILE; our own pid file holds the session leader (standalone.sh).
    launch "$WILDFLY_NODE" env LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$RUN/$WILDFLY_NODE-java.pid" \
        JBOSS_JAVA_SIZING="$(wildfly_jvm_opts)" MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" \
        "$WILDFLY_HOME/bin/standalone.sh" -c "$WILDFLY_CONFIG" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.server.base.dir="$WILDFLY_BASE" -Djboss.socket.binding.port-offset="$WILDFLY_OFFSET" \
        "${WILDFLY_OPTS[@]}"
    echo "$url" >"$RUN/$WILDFLY_NODE.url"
    say "$WILDFLY_NODE starting on $url (log $LOGS/$WILDFLY_NODE.log)"
}

wildfly_wait() { wait_ready "$WILDFLY_NODE" wildfly_ready; }

wildfly_stop() {
    stop_service "$WILDFLY_NODE" 30
    rm -f "$RUN/$WILDFLY_NODE-java.pid"
}

wildfly_status() {
    local target=$DEPLOYMENTS/missive.ear extra
    if marker_current "$target" deployed 2>/dev/null; then extra="missive.ear deployed"
    elif marker_current "$target" failed 2>/dev/null; then extra="missive.ear FAILED to deploy"
    else extra="missive.ear not deployed"; fi
    service_status "$WILDFLY_NODE" "$extra"
}
