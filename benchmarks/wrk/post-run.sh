#!/usr/bin/env bash
# One closed-loop POST run against the running platform (scripts/platform.sh start), with the CPU each
# process of the stack spent during it, per POST. Creates an application and CHATS chats, then runs wrk.
#   benchmarks/wrk/post-run.sh [clients=50] [seconds=20] [messages|chats|bare|bare-write]
# bare, bare-write: the API's yardsticks (BareWriteEndpoint), which run when the API was started with
# CHAT_BENCH_BARE_PORT (BARE_PORT here, default 8089): bare does the numbering script and the confirmed publish
# only; bare-write posts the same messages as `messages` through our write path (the use case, the worker
# persisting and indexing them) with no web framework in front.
# TOKEN=... CHATS=N: post into chats 1..N of an existing application instead (the data set's, for instance).
# Prints wrk's own summary, then one line per process: CPU seconds, cores, and CPU milliseconds per 2xx, then one line
# "result kind=... clients=... per_s=... p50_ms=... p99_ms=... errors=... cpu_ms.<process>=..." for scripts/benchmark.sh.
# THINK_MS=N: each connection pauses N ms between requests (a paced load; see post-message.lua).
# RATE=N: about N requests a second in all, sent on a fixed schedule on whichever connection is free (post-message.lua).
# BESIDE="command": run in the background while wrk runs (started just before it), waited for after; its CPU is
# reported as the process "beside" (scripts/benchmark.sh's paced lag step runs the lag probe, LagRun, so).
set -euo pipefail
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: apt-get install wrk (scripts/benchmark.sh installs it)" >&2; exit 1; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLIENTS=${1:-50}
SECONDS_RUN=${2:-20}
KIND=${3:-messages}
CHATS=${CHATS:-100}
API=${API:-http://127.0.0.1:8080}

if [[ -n "${TOKEN:-}" ]]; then
  token=$TOKEN # an existing application whose chats 1..CHATS exist (e.g. the data set's: CHATS=103000)
else
  token=$(curl -fs -X POST "$API/api/v1/applications" -H 'Content-Type: application/json' \
    -d "{\"name\":\"wrk $(date +%s%N)\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  for _ in $(seq 1 "$CHATS"); do
    curl -fs -o /dev/null -X POST "$API/api/v1/applications/$token/chats" -H 'Content-Type: application/json' -d '{}'
  done
  sleep 2 # the chats' commands reach the worker; the counters exist already
fi

# shellcheck source=benchmarks/wrk/stack.sh
source "$ROOT/benchmarks/wrk/stack.sh"
idle_before=$(awk '/^cpu /{print $5 + $6}' /proc/stat)

out=$(mktemp)
TIMEFORMAT='%U %S'
target=$API
[[ $KIND == bare || $KIND == bare-write ]] && target="http://127.0.0.1:${BARE_PORT:-8089}"
beside_pid=""
if [[ -n "${BESIDE:-}" ]]; then
  ( { time bash -c "$BESIDE" 2>&1; } 2>"$out.beside" ) &
  beside_pid=$!
  sleep 1 # its JVM up and its probe chat created before the load
fi
threads=2 # post-message.lua's RATE divides the rate over them
{ time TOKEN=$token CHATS=$CHATS KIND=$KIND WRK_THREADS=$threads wrk -t"$threads" -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency \
    -s "$ROOT/benchmarks/wrk/post-message.lua" "$target" >"$out"; } 2>"$out.time"
idle_after=$(awk '/^cpu /{print $5 + $6}' /proc/stat)
if [[ -n $beside_pid ]]; then
  wait "$beside_pid" || { echo "the BESIDE command failed" >&2; exit 1; }
fi
cat "$out"

hz=$(getconf CLK_TCK)
requests=$(awk '/requests in/{print $1}' "$out")
non2xx=$(awk '/Non-2xx/{print $NF}' "$out"); non2xx=${non2xx:-0}
ok=$((requests - non2xx))
echo "2xx: $ok of $requests in ${SECONDS_RUN}s ($((ok / SECONDS_RUN))/s), non-2xx: $non2xx"
printf '%-14s %8s %6s %10s\n' process cpu_s cores ms_per_2xx
# One line for scripts/benchmark.sh, as read-run.sh writes it.
result="result kind=$KIND clients=$CLIENTS chats=$CHATS per_s=$(awk -v ok="$ok" -v s="$SECONDS_RUN" 'BEGIN{printf "%.0f", ok/s}')"
result+=" $(awk '/^p50 /{gsub(/,/, ""); printf "p50_ms=%s p99_ms=%s", $2, $8}' "$out") errors=$non2xx"
total=0
for name in api worker rabbitmq elasticsearch redis mariadb; do
  used=$(( $(ticks "${PIDS[$name]}") - BEFORE[$name] ))
  total=$((total + used))
  line=$(awk -v n="$name" -v t="$used" -v hz="$hz" -v s="$SECONDS_RUN" -v ok="$ok" \
    'BEGIN{printf "%-14s %8.2f %6.2f %10.3f\n", n, t/hz, t/hz/s, t/hz*1000/(ok ? ok : 1)}')
  echo "$line"; result+=" cpu_ms.$name=$(awk '{print $4}' <<<"$line")"
done
read -r wrk_user wrk_sys <"$out.time"
line=$(awk -v u="$wrk_user" -v s="$wrk_sys" -v d="$SECONDS_RUN" -v ok="$ok" \
  'BEGIN{printf "%-14s %8.2f %6.2f %10.3f\n", "wrk", u+s, (u+s)/d, (u+s)*1000/(ok ? ok : 1)}')
echo "$line"; result+=" cpu_ms.wrk=$(awk '{print $4}' <<<"$line")"
if [[ -n $beside_pid ]]; then # its whole run: the load's seconds and what it did after (the probe's last polls)
  read -r beside_user beside_sys < <(tail -n 1 "$out.beside")
  line=$(awk -v u="$beside_user" -v s="$beside_sys" -v d="$SECONDS_RUN" -v ok="$ok" \
    'BEGIN{printf "%-14s %8.2f %6.2f %10.3f\n", "beside", u+s, (u+s)/d, (u+s)*1000/(ok ? ok : 1)}')
  echo "$line"; result+=" cpu_ms.beside=$(awk '{print $4}' <<<"$line")"
  rm -f "$out.beside"
fi
awk -v t="$total" -v hz="$hz" -v i0="$idle_before" -v i1="$idle_after" -v d="$SECONDS_RUN" \
  'BEGIN{printf "machine idle: %.2f of 2 cores\n", (i1-i0)/hz/d}'
echo "$result"
rm -f "$out" "$out.time"
# The worker's backlog when wrk stopped, and how long it took to drain (needs root for rabbitmqctl): the persist
# queues (chat.writes.persist.<partition>, and the unpartitioned one of earlier versions) and the index queue.
if [[ $EUID -eq 0 ]] && command -v rabbitmqctl >/dev/null; then
  backlog() {
    runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmqctl -q -n rabbit@localhost \
      list_queues -p "${CHAT_RABBIT_VHOST:-chat}" name messages 2>/dev/null \
      | awk '$1 ~ /^chat\.writes\.persist(\.[0-9]+)?$/ || $1 == "chat.writes.index" {n += $2} END {print n + 0}'
  }
  waited=0
  left=$(backlog)
  echo "backlog (persist + index deliveries) at the end: $left"
  while (( left > 0 && waited < 120 )); do sleep 1; waited=$((waited + 1)); left=$(backlog); done
  echo "drained in about ${waited}s"
fi
