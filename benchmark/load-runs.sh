#!/usr/bin/env bash
# The load runs of docs/performance.md, from nothing: a fresh stack, the seed through the API,
# then WildFly alone restarted (a cold server over the seeded data) and, at once:
#   cold  C=8, 240 s measured from the server's first request (its first 60 s: the cold figure)
#   warm  C=8, 30 s warm-up + 120 s measured, then C=32, 30 s warm-up + 120 s measured
# Results: benchmark/results/<date>-<db>-c<C>.json (warm) and benchmark/results/cold/ (cold).
#   benchmark/load-runs.sh [--postgres]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=h2
up=()
if [[ ${1:-} == --postgres ]]; then
    db=postgresql
    up=(--postgres)
fi
config/missive down --purge
config/missive up "${up[@]}"
benchmark/run --seed only --db "$db"
config/missive restart
ready=$(date +%s%3N)
benchmark/run --seed skip --users 8 --warmup 0 --duration 240 --db "$db" --results benchmark/results/cold
first=$(python3 -c 'import json,sys,datetime
r=json.load(open(sys.argv[1]))
print(int(datetime.datetime.fromisoformat(r["firstRequest"].replace("Z","+00:00")).timestamp()*1000))' \
    "benchmark/results/cold/$(date +%F)-$db-c8.json")
echo "cold: the first request came $(((first - ready) / 1000)) s after the restarted server was ready (the client's start)"
benchmark/run --seed skip --users 8 --warmup 30 --duration 120 --db "$db"
benchmark/run --seed skip --users 32 --warmup 30 --duration 120 --db "$db"
