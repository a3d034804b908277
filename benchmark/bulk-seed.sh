#!/usr/bin/env bash
# Adds MESSAGES messages (threads of 20 between synthetic patients and three practitioners)
# straight into the PostgreSQL database of a running stack, for the scaling runs: the API
# would take hours to write a million. Nobody signs in as these people; they only make the
# tables big. Run it between two `benchmark/run`s to compare the same users' latencies.
#   benchmark/bulk-seed.sh MESSAGES [PORT]     (PORT: the stack's PostgreSQL, default 15999)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
messages=${1:?how many messages}
port=${2:-15999}
threads=$(((messages + 59) / 60))
prefix="bulk$(date +%s)-"
SECONDS=0
PGPASSWORD=missive psql -h 127.0.0.1 -p "$port" -U missive -d missive -v ON_ERROR_STOP=1 -q \
    -v prefix="$prefix" -v threads="$threads" < "$root/benchmark/bulk-messages.sql"
PGPASSWORD=missive psql -h 127.0.0.1 -p "$port" -U missive -d missive -At \
    -c "select 'messages in the database: ' || count(*) from message"
echo "added $((threads * 60)) messages in ${SECONDS} s (ids $prefix*)"
