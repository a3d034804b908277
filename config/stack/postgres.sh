# shellcheck shell=bash
# PostgreSQL (tests only): a throwaway cluster, trust auth, gone after `services stop`.
# initdb refuses to run as root, so as root everything runs as the OS user postgres.

# The Maven build overrides the port so that tests never collide with a running stack.
POSTGRES_PORT=${POSTGRES_PORT:-15432}

# The cluster's directory, recorded at start. It must be reachable by the OS user postgres: a
# state dir inside a private home (/root is 0700) is not, and then the cluster lives in /tmp.
PG_DIR=$(cat "$RUN/postgres.dir" 2>/dev/null || echo "$STATE/postgres")

pg_choose_dir() {
    PG_DIR=$STATE/postgres
    if ((EUID == 0)) && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
        PG_DIR=/tmp/missive-postgres.$(printf %s "$STATE" | md5sum | cut -c1-12)
    fi
    echo "$PG_DIR" >"$RUN/postgres.dir"
}

# The newest installed PostgreSQL's bin directory; fails if there is none.
pg_newest_bin() { compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1; }

pg_bin() {
    pg_newest_bin && return
    ((EUID == 0)) || die "PostgreSQL is not installed: apt-get install -y postgresql"
    say "installing PostgreSQL (apt-get install -y postgresql)" >&2
    { apt-get install -y postgresql || { apt-get update && apt-get install -y postgresql; }; } >&2
    pg_newest_bin
}

# Run as the cluster's owner. fd 9 (the Keycloak start lock) must not leak into the server.
as_pg() {
    if ((EUID == 0)); then runuser -u postgres -- "$@" 9>&-; else "$@" 9>&-; fi
}

postgres_running() {
    [[ -f $PG_DIR/data/postmaster.pid ]] && as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1
}

postgres_start() {
    local bin sock
    bin=$(pg_bin)
    require_free_port postgres "$POSTGRES_PORT"
    mkdir -p "$RUN" "$LOGS"
    pg_choose_dir
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR/data"
    # Unix sockets have a ~107 byte path limit: a deep checkout falls back to /tmp.
    sock=$PG_DIR/sock
    ((${#sock} < 90)) || sock=/tmp
    mkdir -p "$sock"
    # The server writes its log inside the cluster dir (always writable by it); logs/ links to
    # it and gets a copy when the cluster is thrown away.
    ln -sfn "$PG_DIR/server.log" "$LOGS/postgres.log"
    if ((EUID == 0)); then
        chown -R postgres: "$PG_DIR"
    fi
    as_pg "$bin/initdb" --auth=trust -U postgres -E UTF8 -D "$PG_DIR/data" >"$LOGS/postgres-initdb.log" 2>&1 \
        || { tail -n 20 "$LOGS/postgres-initdb.log" >&2; die "initdb failed"; }
    # Missive writes the database and the JMS queue in one XA transaction: PostgreSQL must
    # allow prepared transactions (off by default), as a production server must too.
    postgres_serve
    # Throwaway test credentials.
    "$bin/psql" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE missive LOGIN PASSWORD 'missive'" \
        -c "CREATE DATABASE missive OWNER missive" >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/missive" >"$RUN/postgres.url"
}

# `up --postgres`: a fresh cluster (unless the stack's runs already) on its own port (the integration suite's is POSTGRES_PORT;
# benchmark/bulk-seed.sh expects this one), and WildFly's datasource pointed at it
# (configure.cli reads these when the server starts).
postgres_use_for_wildfly() {
    POSTGRES_PORT=${POSTGRES_STACK_PORT:-15999}
    if [[ -f $RUN/postgres.url ]] && postgres_running; then
        say "postgres already running"
    else
        postgres_stop
        postgres_start
    fi
    postgres_export
    say "postgres on port $POSTGRES_PORT: $MISSIVE_DB_URL (user missive / missive)"
}

# The datasource settings of the running cluster, for a WildFly started from this shell.
postgres_export() {
    export MISSIVE_DB_DRIVER=postgresql MISSIVE_DB_URL
    MISSIVE_DB_URL=$(cat "$RUN/postgres.url") || die "the stack's PostgreSQL is not running"
    export MISSIVE_DB_USER=missive MISSIVE_DB_PASSWORD=missive
}

# Starts the server of the cluster postgres_start made in $PG_DIR.
postgres_serve() {
    local sock=$PG_DIR/sock
    ((${#sock} < 90)) || sock=/tmp
    as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t "$TIMEOUT" \
        -o "-p $POSTGRES_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_prepared_transactions=64" start >/dev/null \
        || fail_with_log postgres "did not start"
}

# Stops the server and keeps the cluster (postgres_serve starts it again).
postgres_halt() {
    as_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
}

postgres_stop() {
    [[ -d $PG_DIR ]] || { rm -f "$RUN/postgres.dir"; return 0; }
    if postgres_running; then
        say "stopping postgres"
        postgres_halt || true
    fi
    if [[ -f $PG_DIR/server.log ]]; then
        cp --remove-destination "$PG_DIR/server.log" "$LOGS/postgres.log" 2>/dev/null || true
    fi
    rm -rf "$PG_DIR" "$RUN/postgres.url" "$RUN/postgres.dir"
}

# Only a cluster that exists (after `services start` or `up --postgres`) has a status line.
postgres_status() {
    [[ -d $PG_DIR ]] || return 0
    if postgres_running; then
        status_line postgres running "pid $(head -n 1 "$PG_DIR/data/postmaster.pid")" "$(cat "$RUN/postgres.url" 2>/dev/null)"
    else
        status_line postgres stopped - ""
    fi
}
