#!/usr/bin/env bash
# Fuzzes a running stack (config/missive up): sets up its own records through the API, sends
# REQUESTS structurally mutated requests of a seed one after the other (the same seed sends the
# same requests), checks every answer and, after the run, the bystander patients' view and the
# server's health; prints a summary and the failures, writes them to benchmark/results/.
# Exit code 1 on any failure. It writes to the stack: use one you can throw away.
#   benchmark/fuzz.sh [--seed S] [--requests N] [--only I]
#                     [--fhir URL] [--keycloak URL] [--health URL|none]
# Defaults: seed 16, 10000 requests, the local stack (http://localhost:8080/fhir,
# http://localhost:8180, http://localhost:9990/health). --only I sends request I alone again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -pl benchmark compile exec:java@fuzz -Dexec.args="$*"
