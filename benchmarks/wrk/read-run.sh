#!/usr/bin/env bash
# One closed-loop read step of issue 12 against the running platform and the loaded data set
# (scripts/dataset.sh: .run/dataset.env, .run/dataset-queries.tsv), with the CPU each process spent.
#   benchmarks/wrk/read-run.sh STEP [clients=8] [seconds=20]
# STEP: first | deep | name | phone | content | search | list | since | before
#   first    the inbox's first page (50 chats)
#   deep     inbox pages DEPTH pages down (default 1,000: cursors of 200 positions from chat 50,000 of the inbox)
#   name, phone, content   the inbox with q, values from the queries file
#   search   search in the biggest chat, words of that chat
#   list     the newest 50 messages of random chats
#   since    the biggest chat's messages in a one-hour window (since/until) at random points of its history
#   before   the biggest chat's 50 messages before a random number (before=)
# Prints wrk's summary, then each process's CPU seconds, cores, and CPU milliseconds per 2xx, then one line
# "result step=... per_s=... p50_ms=... p99_ms=... errors=... cpu_ms.<process>=..." for scripts/benchmark.sh.
set -euo pipefail
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: apt-get install wrk (scripts/benchmark.sh installs it)" >&2; exit 1; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STEP=${1:?step}
CLIENTS=${2:-8}
SECONDS_RUN=${3:-20}
API=${API:-http://127.0.0.1:8080}
# shellcheck disable=SC1091
source "${DATASET:-$ROOT/.run/dataset.env}"
QUERIES=${QUERIES:-$ROOT/.run/dataset-queries.tsv}
token=$CHAT_DATASET_TOKEN app=$CHAT_DATASET_APP_ID biggest=$CHAT_DATASET_BIGGEST_CHAT
base="/api/v1/applications/$token"
paths=$(mktemp)
# shellcheck source=benchmarks/wrk/sql.sh
source "$ROOT/benchmarks/wrk/sql.sh"
urlencode() { python3 -c 'import sys, urllib.parse; [print(urllib.parse.quote(l.rstrip("\n"), safe="")) for l in sys.stdin]'; }
case $STEP in
  first) echo "$base/chats?limit=50" >"$paths" ;;
  deep)
    sql "SELECT CONCAT('v1:inbox:', FLOOR(UNIX_TIMESTAMP(activity_at) * 1000), ':', number) FROM chats
         FORCE INDEX (ix_chats_inbox) WHERE app_id = $app ORDER BY app_id DESC, activity_at DESC, number DESC
         LIMIT 200 OFFSET $(( ${DEPTH:-1000} * 50 - 100 > 0 ? ${DEPTH:-1000} * 50 - 100 : 0 ))" \
      | while read -r c; do printf '%s/chats?limit=50&cursor=%s\n' "$base" "$(printf '%s' "$c" | base64 -w0 | tr '+/' '-_' | tr -d '=')"; done >"$paths" ;;
  name | phone | content)
    awk -F'\t' -v k="$STEP" '$1 == k {print $2}' "$QUERIES" | urlencode | sed "s|^|$base/chats?limit=50\&q=|" >"$paths" ;;
  search)
    awk -F'\t' '$1 == "chat_word" {print $2}' "$QUERIES" | urlencode \
      | sed "s|^|$base/chats/$biggest/messages/search?q=|" >"$paths" ;;
  list) awk -v b="$base" -v n="$CHAT_DATASET_CHATS" \
          'BEGIN {srand(); for (i = 0; i < 1000; i++) printf "%s/chats/%d/messages?limit=50\n", b, 1 + int(rand() * n)}' >"$paths" ;;
  since)
    sql "SELECT created_at FROM messages WHERE app_id = $app AND chat_number = $biggest ORDER BY RAND() LIMIT 500" \
      | while read -r d t; do
          since="${d}T${t}Z"; until=$(date -u -d "$d $t UTC + 1 hour" +%Y-%m-%dT%H:%M:%S.%3NZ)
          echo "$base/chats/$biggest/messages?limit=50&since=$since&until=$until"
        done >"$paths" ;;
  before) awk -v b="$base/chats/$biggest" -v n="$CHAT_DATASET_BIGGEST_CHAT_MESSAGES" \
            'BEGIN {srand(); for (i = 0; i < 1000; i++) printf "%s/messages?limit=50&before=%d\n", b, 2 + int(rand() * n)}' >"$paths" ;;
  *) echo "unknown step $STEP" >&2; exit 2 ;;
esac
[[ -s $paths ]] || { echo "no paths for $STEP" >&2; exit 1; }

# shellcheck source=benchmarks/wrk/stack.sh
source "$ROOT/benchmarks/wrk/stack.sh"
out=$(mktemp)
TIMEFORMAT='%U %S'
{ time PATHS=$paths wrk -t2 -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s "$ROOT/benchmarks/wrk/read-paths.lua" "$API" >"$out"; } 2>"$out.time"
cat "$out"
hz=$(getconf CLK_TCK)
requests=$(awk '/requests in/{print $1}' "$out")
non2xx=$(awk '/Non-2xx/{print $NF}' "$out"); non2xx=${non2xx:-0}
ok=$((requests - non2xx))
echo "$STEP: 2xx $ok of $requests in ${SECONDS_RUN}s ($((ok / SECONDS_RUN))/s), non-2xx: $non2xx"
printf '%-14s %8s %6s %10s\n' process cpu_s cores ms_per_2xx
result="result step=$STEP clients=$CLIENTS per_s=$(awk -v ok="$ok" -v s="$SECONDS_RUN" 'BEGIN{printf "%.0f", ok/s}')"
result+=" $(awk '/^p50 /{gsub(/,/, ""); printf "p50_ms=%s p99_ms=%s", $2, $8}' "$out") errors=$non2xx"
for name in api worker rabbitmq elasticsearch redis mariadb; do
  used=$(( $(ticks "${PIDS[$name]}") - BEFORE[$name] ))
  line=$(awk -v n="$name" -v t="$used" -v hz="$hz" -v s="$SECONDS_RUN" -v ok="$ok" \
    'BEGIN{printf "%-14s %8.2f %6.2f %10.3f\n", n, t/hz, t/hz/s, t/hz*1000/(ok ? ok : 1)}')
  echo "$line"; result+=" cpu_ms.$name=$(awk '{print $4}' <<<"$line")"
done
read -r wrk_user wrk_sys <"$out.time"
line=$(awk -v u="$wrk_user" -v s="$wrk_sys" -v d="$SECONDS_RUN" -v ok="$ok" \
  'BEGIN{printf "%-14s %8.2f %6.2f %10.3f\n", "wrk", u+s, (u+s)/d, (u+s)*1000/(ok ? ok : 1)}')
echo "$line"; result+=" cpu_ms.wrk=$(awk '{print $4}' <<<"$line")"
echo "$result"
rm -f "$out" "$out.time" "$paths"
