# shellcheck shell=bash
# The balancer of a cluster (cluster.sh): HAProxy from Debian on 127.0.0.1:8080, round robin
# over the nodes, each node's health read from its management /health/ready. Its configuration
# is written into $STATE/balancer at each start; its statistics (CSV, per node: state, requests
# served) are on 127.0.0.1:8404.
#
# A node is taken out after two failed checks a second apart (half a second apart once one has
# failed), or at once when a request meets a refused or reset connection (observe layer4): a
# node killed outright is out within about a second. A request whose connection was refused is
# sent to another node, whatever its method (nothing reached the dead node); a GET or HEAD whose
# node died before answering is sent again elsewhere; any other request that was under way
# gets the error (a POST is never sent twice).

BALANCER_PORT=8080
BALANCER_STATS_PORT=8404
BALANCER_DIR=$STATE/balancer

haproxy_bin() {
    command -v haproxy && return
    ((EUID == 0)) || die "HAProxy is not installed: apt-get install -y haproxy"
    say "installing HAProxy (apt-get install -y haproxy)" >&2
    { apt-get install -y haproxy || { apt-get update && apt-get install -y haproxy; }; } >&2
    command -v haproxy
}

balancer_config() {
    local n=$1 k
    cat <<CFG
# Written by config/stack/balancer.sh at each start: edits are lost.
global
    log stdout format iso local0 notice

defaults
    mode http
    log global
    option dontlognull
    timeout connect 2s
    timeout client 65s
    timeout server 65s
    timeout http-request 10s
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down

frontend missive
    bind 127.0.0.1:$BALANCER_PORT
    default_backend nodes

backend nodes
    balance roundrobin
    # Only a request that never reached a node may be sent again, unless it is a read.
    http-request disable-l7-retry unless METH_GET || METH_HEAD
    option httpchk
    http-check send meth GET uri /health/ready
    http-check expect status 200
CFG
    for ((k = 1; k <= n; k++)); do
        printf '    server missive-%d 127.0.0.1:%d check port %d\n' "$k" $((8080 + 200 * k)) $((9990 + 200 * k))
    done
    cat <<CFG

listen stats
    bind 127.0.0.1:$BALANCER_STATS_PORT
    stats enable
    stats uri /
CFG
}

balancer_start() {
    local bin n
    n=$(cluster_size)
    bin=$(haproxy_bin) || die "could not install HAProxy"
    if running balancer; then
        say "balancer already running (pid $(live_pid balancer))"
        return
    fi
    require_free_port balancer "$BALANCER_PORT"
    require_free_port "balancer stats" "$BALANCER_STATS_PORT"
    mkdir -p "$BALANCER_DIR"
    balancer_config "$n" >"$BALANCER_DIR/haproxy.cfg"
    "$bin" -c -q -f "$BALANCER_DIR/haproxy.cfg" || die "HAProxy refused $BALANCER_DIR/haproxy.cfg"
    # -db: in the foreground, so that launch's pid is HAProxy's and its log goes to logs/.
    launch balancer "$bin" -db -f "$BALANCER_DIR/haproxy.cfg"
    echo "http://localhost:$BALANCER_PORT" >"$RUN/balancer.url"
    say "balancer starting on http://localhost:$BALANCER_PORT over $n nodes (log $LOGS/balancer.log)"
}

# Per node: name, state (UP, DOWN...), requests it was sent (HAProxy's statistics, CSV).
balancer_nodes() {
    curl -sf --max-time 2 "http://127.0.0.1:$BALANCER_STATS_PORT/;csv" \
        | awk -F, '$1 == "nodes" && $2 ~ /^missive-/ { print $2, $18, $8 }'
}

balancer_ready() { [[ -n $(balancer_nodes) ]]; }

balancer_wait() { wait_ready balancer balancer_ready; }

balancer_stop() {
    stop_service balancer 10
}

balancer_status() {
    local nodes
    [[ -f $(pidfile balancer) ]] || [[ -n $(cluster_size) ]] || return 0
    nodes=$(balancer_nodes | awk '{ printf "%s%s %s (%s requests)", sep, $1, $2, $3; sep = ", " }')
    service_status balancer "${nodes:+ $nodes}"
}
