# shellcheck shell=bash
# Settings and helpers every part of config/missive uses: the state dir, starting a service
# detached and stopping it, waiting for it to be ready, fetching a runtime artifact.
# Sourced by config/missive after it has set ROOT (the repository).

STATE=$(realpath -m "${MISSIVE_STATE_DIR:-$ROOT/.stack}")
RUN=$STATE/run     # pid files and the URL each service was started with
LOGS=$STATE/logs
TIMEOUT=${MISSIVE_TIMEOUT:-180}   # seconds a service may take to become ready

M2=${MISSIVE_M2_REPO:-$HOME/.m2/repository}
DIST=$ROOT/config/target/dist     # where the config module's build copies the runtimes

say() { printf '%s\n' "$*"; }
die() { printf 'missive: %s\n' "$*" >&2; exit 1; }

pidfile() { echo "$RUN/$1.pid"; }

# The pid recorded for a service, if that process is still alive.
live_pid() {
    local f pid
    f=$(pidfile "$1")
    [[ -s $f ]] || return 1
    pid=$(<"$f")
    kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

running() { live_pid "$1" >/dev/null; }

# True if something already accepts connections on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() {
    local name=$1 port=$2
    if port_busy "$port"; then
        die "$name: port $port is already in use by another process (not one this script started from $STATE)"
    fi
}

# A runtime artifact: the config module's copy, else the local Maven repository, else fetched
# from Maven Central (run outside the repo so that the build there is not disturbed).
artifact() {
    local group=$1 id=$2 version=$3 type=$4 file path
    file=$id-$version.$type
    path=$M2/${group//.//}/$id/$version/$file
    if [[ -f $DIST/$file ]]; then echo "$DIST/$file"; return; fi
    if [[ ! -f $path ]]; then
        say "fetching $group:$id:$version:$type from Maven Central" >&2
        (cd /tmp && mvn -q -s "$ROOT/.mvn/settings.xml" dependency:get \
            -Dartifact="$group:$id:$version:$type" -Dtransitive=false) >&2 \
            || die "could not fetch $group:$id:$version:$type"
    fi
    echo "$path"
}

# Start a command detached: own session (setsid), so Ctrl-C here or the end of a Maven build
# does not take it down; stdin from /dev/null and all output to its log, so that a caller
# such as exec-maven-plugin never waits on pipes we inherited. fd 9 (Keycloak's start lock)
# is not passed on.
launch() {
    local name=$1; shift
    local log=$LOGS/$name.log
    mkdir -p "$RUN" "$LOGS"
    [[ -f $log ]] && mv -f "$log" "$log.1"
    nohup setsid "$@" </dev/null >"$log" 2>&1 9>&- &
    echo $! >"$(pidfile "$name")"
}

# Stop a service started by launch(): TERM its process group (the launcher script and the JVM
# it forked), KILL it after a grace period.
stop_service() {
    local name=$1 grace=${2:-30} pid ticks=0
    if pid=$(live_pid "$name"); then
        say "stopping $name (pid $pid)"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && ((ticks < grace * 5)); do
            sleep 0.2
            ticks=$((ticks + 1))
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "$name did not stop within ${grace}s: killing it"
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$(pidfile "$name")" "$RUN/$name.url"
}

fail_with_log() {
    local name=$1 why=$2 log=$LOGS/$1.log
    printf 'missive: %s %s; last lines of %s:\n' "$name" "$why" "$log" >&2
    tail -n 40 "$log" >&2 2>/dev/null || true
    printf 'missive: whatever did start is still running: config/missive status / down\n' >&2
    exit 1
}

# Poll CHECK (a command) once a second until it succeeds; fail with the log tail if the
# service's process dies or the deadline passes. CHECK may itself exit the script (WildFly's
# .failed marker).
wait_ready() {
    local name=$1; shift
    local deadline=$((SECONDS + TIMEOUT))
    until "$@"; do
        running "$name" || fail_with_log "$name" "exited during start-up"
        ((SECONDS < deadline)) || fail_with_log "$name" "was not ready after ${TIMEOUT}s"
        sleep 1
    done
}

http_ok() { curl -sf -o /dev/null --max-time 5 "$1"; }

status_line() { printf '%-10s %-8s %-11s %s\n' "$@"; }

# The status line of a service started by launch(); EXTRA follows its URL.
service_status() {
    local name=$1 extra=${2:-} pid url
    url=$(cat "$RUN/$name.url" 2>/dev/null || true)
    if pid=$(live_pid "$name"); then
        status_line "$name" running "pid $pid" "$url $extra"
    else
        status_line "$name" stopped - ""
    fi
}
