#!/usr/bin/env bash
# Whether a user's inbox and thread stay as fast when the database grows from 10,000 messages to
# a million (docs/performance.md): from nothing on PostgreSQL, the seed through the API with
# 10,000 messages, a warm C=8 run; then 990,000 more messages straight into PostgreSQL
# (benchmark/bulk-seed.sh: other people's threads) and the same run on the same users. Before
# each run WildFly is restarted and warmed for 180 s, so both meet the same compiled code.
# Results: benchmark/results/scaling-10k/ and benchmark/results/scaling-1m/.
#   benchmark/scaling-runs.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
run=(benchmark/run --seed skip --users 8 --warmup 180 --duration 120 --db postgresql)
config/missive down --purge
config/missive up --postgres
benchmark/run --seed only --messages 10000 --db postgresql
config/missive restart
"${run[@]}" --results benchmark/results/scaling-10k
benchmark/bulk-seed.sh 990000
config/missive restart
"${run[@]}" --results benchmark/results/scaling-1m
