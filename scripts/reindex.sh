#!/usr/bin/env bash
# Rebuilds the search index from MySQL, online, through the running worker (its reindex actuator endpoint):
#   scripts/reindex.sh [APP_ID|all]     default: all
# Safe while the platform runs: a message edited meanwhile keeps its newer state. Needed after an upgrade that
# adds fields to the index (the worker logs "predates fields ... (scripts/reindex.sh)"). Prints progress every
# 10 s; exits non-zero if the run stopped on an error (run it again: it is idempotent).
set -euo pipefail
app=${1:-all}
worker=${CHAT_WORKER_URL:-http://127.0.0.1:${CHAT_WORKER_PORT:-8081}}
status() { curl -fsS "$worker/actuator/reindex"; }
field() { sed -nE "s/.*\"$1\":(\"[^\"]*\"|[^,}]*).*/\1/p" | tr -d '"'; }
started=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"app\":\"$app\"}" "$worker/actuator/reindex")
[[ $(field app <<<"$started") == "$app" ]] || { echo "another reindex is running: $started" >&2; exit 1; }
echo "[reindex] started: $started"
while now=$(status) && [[ $(field running <<<"$now") == true ]]; do
  sleep 10
  echo "[reindex] $(field indexed <<<"$(status)") messages indexed"
done
echo "[reindex] $now"
[[ -z "$(field error <<<"$now")" ]]
