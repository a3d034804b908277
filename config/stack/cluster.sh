# shellcheck shell=bash
# A cluster on this machine (`up --nodes N`): N WildFly nodes on standalone-full-ha.xml, each
# its own base dir ($STATE/missive-K: configuration, data, Artemis journal, deployments) of one
# server provisioned into $STATE/wildfly-ha, all on the stack's PostgreSQL, behind HAProxy on
# 127.0.0.1:8080 (balancer.sh). docs/cluster.md is the operator's page.
#
# Node K (1..N) is missive-K at port offset 200*K: HTTP 8080+, management 9990+, JGroups TCP
# 7600+, transactions 4712/4713+, AJP 8009+, HTTPS 8443+, IIOP 3528/3529+. Offsets 200..800
# stay clear of the balancer (8080), Keycloak (8180/8181), GreenMail (3025, 3143, 8380),
# PostgreSQL (15999) and the integration suite (offset 1000, Keycloak 9180); 100 would put
# node 1 on 8180 (Keycloak), 300 on 8380 (GreenMail). Hence at most 4 nodes here.

# shellcheck disable=SC2034 # read by config/missive
CLUSTER_MAX_NODES=4
CLUSTER_HOME=$STATE/wildfly-ha
CLUSTER_ATTACHMENTS=$STATE/attachments

# The node count of the running (or last started) cluster; none when the stack is single-node.
cluster_size() { cat "$RUN/cluster.nodes" 2>/dev/null; }

# Selects node K for the wildfly_* functions.
cluster_node() {
    local k=$1
    wildfly_node "missive-$k" $((200 * k)) "$CLUSTER_HOME" "$STATE/missive-$k"
    # shellcheck disable=SC2034 # both read by wildfly.sh
    WILDFLY_CONFIG=standalone-full-ha.xml
    # The transaction node identifier keeps each node's recovery to its own XA branches in
    # PostgreSQL; two nodes with one identifier would roll back each other's prepared work.
    # shellcheck disable=SC2034
    WILDFLY_OPTS=(-Djboss.node.name="missive-$k" -Djboss.tx.node.id="missive-$k")
}

# host[port] of every node's JGroups TCP transport, for TCPPING (ha.cli).
cluster_members() {
    local k members=()
    for ((k = 1; k <= $1; k++)); do
        members+=("127.0.0.1[$((7600 + 200 * k))]")
    done
    (IFS=,; echo "${members[*]}")
}

# What every node reads at start: the stack's PostgreSQL, ha.cli's TCPPING hosts, one attachment
# directory for all (as a shared mount would be on several machines).
cluster_env() {
    postgres_export
    mkdir -p "$CLUSTER_ATTACHMENTS"
    export MISSIVE_CLUSTER_MEMBERS MISSIVE_ATTACHMENT_DIR=$CLUSTER_ATTACHMENTS
    MISSIVE_CLUSTER_MEMBERS=$(cluster_members "$(cluster_size)")
}

# Each node's management URL (health: /health/ready), for the banner.
cluster_mgmt_urls() {
    local k urls=()
    for ((k = 1; k <= $1; k++)); do
        urls+=("http://127.0.0.1:$((9990 + 200 * k)) (missive-$k)")
    done
    echo "${urls[*]}"
}

cluster_start_node() {
    cluster_env
    cluster_node "$1"
    wildfly_provision
    # A node's base dir is a copy of the provisioned one, made once: it keeps its journal and
    # data across restarts, as a node on its own machine would.
    [[ -d $WILDFLY_BASE ]] || cp -a "$CLUSTER_HOME/standalone" "$WILDFLY_BASE"
    wildfly_start
}

# Node 1 alone first: it migrates the fresh schema, which two nodes must not do at once; the
# others then start together.
cluster_start() {
    local n=$1
    echo "$n" >"$RUN/cluster.nodes"
    cluster_start_node 1
}

cluster_wait() {
    local n k
    n=$(cluster_size)
    cluster_node 1
    wildfly_wait
    for ((k = 2; k <= n; k++)); do cluster_start_node "$k"; done
    for ((k = 2; k <= n; k++)); do cluster_node "$k"; wildfly_wait; done
}

cluster_stop() {
    local n k
    n=$(cluster_size) || return 0
    for ((k = 1; k <= n; k++)); do cluster_node "$k"; wildfly_stop; done
    rm -f "$RUN/cluster.nodes"
}

cluster_status() {
    local n k
    n=$(cluster_size) || return 0
    for ((k = 1; k <= n; k++)); do cluster_node "$k"; wildfly_status; done
}
