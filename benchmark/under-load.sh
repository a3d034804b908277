# shellcheck shell=bash
# The mixed workload of the load client in the background, every request logged, for the scripts
# that break something while it runs (failover.sh, faults.sh). Sourced after ROOT is set.
#   load_start DIR USERS DURATION DB [MAIL_TIMEOUT]
#                                      starts benchmark/run (no warm-up, 200 seeded messages,
#                                      MAIL_TIMEOUT s (60) for the last emails) writing
#                                      DIR/requests.tsv and DIR/benchmark.out; returns once the
#                                      virtual users run
#   load_wait                          waits for it to end; prints its table
#   now_ms                             the clock the log uses (ms since the epoch)

now_ms() { date +%s%3N; }

load_start() {
    local dir=$1 users=$2 duration=$3 db=$4 mail_timeout=${5:-60}
    LOAD_DIR=$dir
    "$ROOT/benchmark/run" --users "$users" --warmup 0 --duration "$duration" --messages 200 --mail-timeout "$mail_timeout" \
        --db "$db" --results "$dir" --log "$dir/requests.tsv" >"$dir/benchmark.out" 2>&1 &
    LOAD_PID=$!
    trap 'kill "$LOAD_PID" 2>/dev/null || true' EXIT
    until grep -q 'virtual users' "$dir/benchmark.out" 2>/dev/null; do     # printed as the users start
        kill -0 "$LOAD_PID" 2>/dev/null || { cat "$dir/benchmark.out"; exit 1; }
        sleep 0.2
    done
}

load_wait() {
    wait "$LOAD_PID" || true   # it exits 1 when any request failed: the report says which
    sed -n '/^operation/,/^client:/p' "$LOAD_DIR/benchmark.out"
}
