#!/usr/bin/env bash
# The benchmarks of issue 5, against the running stack (scripts/platform.sh start) and a data set
# (scripts/dataset.sh writes .run/dataset.env and .run/dataset-queries.tsv).
#   scripts/benchmark.sh           full run (about 15 minutes plus the drain): writes docs/benchmarks.md
#   scripts/benchmark.sh --smoke   a few seconds a step at low rates: writes .run/bench/benchmarks.md and
#                                  fails if a step fails or reports no figures (never on a timing)
# The API's URL comes from CHAT_BENCH_API, else CHAT_DATASET_API in the data set file. The services'
# addresses come from the CHAT_* variables (scripts/services.sh env for those not set). The drain step
# stops and restarts the worker with scripts/platform.sh (stop worker / start worker).
# Without a data set, --smoke makes a tiny one through the API first (ApiSeed).
# Order: the reads (sections 4 and 5 of the report) on the settled data set, then the POST rates, the lag and
# events, and the drain last.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SMOKE=0
[[ "${1:-}" == "--smoke" ]] && SMOKE=1

log() { printf '[benchmark] %s\n' "$*" >&2; }

# shellcheck source=scripts/java-env.sh
source scripts/java-env.sh
while IFS= read -r line; do
  assignment=${line#export }; name=${assignment%%=*}
  [[ -n "${!name:-}" ]] || export "$assignment"
done <<<"$(scripts/services.sh env)"

OUT="$ROOT/.run/bench"
DATASET="${CHAT_BENCH_DATASET:-$ROOT/.run/dataset.env}"
QUERIES="${CHAT_BENCH_QUERIES:-$ROOT/.run/dataset-queries.tsv}"
rm -rf "$OUT"; mkdir -p "$OUT/gatling"
RESULTS="$OUT/results.tsv"

if (( SMOKE )); then
  POST_RATES=${CHAT_BENCH_POST_RATES:-20,50}; POST_SECONDS=3
  LAG_RATE=50; LAG_SECONDS=5; PROBE_RATE=5; LAG_PACED_THINK=200
  EVENT_SUBSCRIBERS=10; EVENT_MESSAGES=20; EVENT_1000_SUBSCRIBERS=20; EVENT_1000_MESSAGES=20
  FANOUT_SUBSCRIBERS=20; FANOUT_MESSAGES=50; FANOUT_PACES=500
  POST_WRK_WARMUP=2; POST_WRK_SECONDS=2; POST_WRK_CHATS=10
  DRAIN=${CHAT_BENCH_DRAIN:-2000}; READ_CLIENTS=8; READ_SECONDS=3; WARMUP=2; READ_WARMUP=2; BARE_WARMUP=1; DEPTH=1; CEILING_SECONDS=2
  REPORT="$OUT/benchmarks.md"
else
  POST_RATES=${CHAT_BENCH_POST_RATES:-100,250,500,1000,2000,3000,4000}; POST_SECONDS=${CHAT_BENCH_POST_SECONDS:-30}
  LAG_RATE=${CHAT_BENCH_LAG_RATE:-2000}; LAG_SECONDS=30; PROBE_RATE=20; LAG_PACED_THINK=${CHAT_BENCH_LAG_PACED_THINK:-40}
  POST_WRK_WARMUP=60; POST_WRK_SECONDS=20; POST_WRK_CHATS=100
  EVENT_SUBSCRIBERS=${CHAT_BENCH_EVENT_SUBSCRIBERS:-200}; EVENT_MESSAGES=${CHAT_BENCH_EVENT_MESSAGES:-500}
  EVENT_1000_SUBSCRIBERS=1000; EVENT_1000_MESSAGES=1000
  FANOUT_SUBSCRIBERS=1000; FANOUT_MESSAGES=1000; FANOUT_PACES=1000,3000,7000,15000
  DRAIN=${CHAT_BENCH_DRAIN:-1000000}; READ_CLIENTS=${CHAT_BENCH_READ_CLIENTS:-8}; READ_SECONDS=20; WARMUP=30
  # A read step warms its own path first: after the write steps, 5 s left the API's JIT cold for the first page
  # (0.98 ms of API CPU an answer against 0.50-0.55 ms warm, docs/performance.md); 20 s is about two warm-up runs.
  READ_WARMUP=20; READ_TOUR=10; BARE_WARMUP=5
  DEPTH=${CHAT_BENCH_DEPTH:-1000}; CEILING_SECONDS=10
  REPORT="$ROOT/docs/benchmarks.md"
fi

log "building the benchmarks module"
mvn -B -q -pl benchmarks -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >"$OUT/build.log" 2>&1 \
  || { tail -n 40 "$OUT/build.log" >&2; exit 1; }
CP="$ROOT/benchmarks/target/test-classes:$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"

props=(-Dbench.dataset="$DATASET" -Dbench.queries="$QUERIES" -Dbench.results="$RESULTS" -Dbench.gatling="$OUT/gatling"
       -Dbench.post.rates="$POST_RATES" -Dbench.post.seconds="$POST_SECONDS" -Dbench.post.warmup-seconds="$WARMUP"
       -Dbench.lag.rate="$LAG_RATE" -Dbench.lag.seconds="$LAG_SECONDS" -Dbench.lag.probe-rate="$PROBE_RATE"
       -Dbench.drain.messages="$DRAIN" -Dbench.read.seconds="$READ_SECONDS" -Dbench.sql.threads="$READ_CLIENTS" -Dbench.read.warmup-seconds="$READ_WARMUP" -Dbench.bare.warmup-seconds="$BARE_WARMUP"
       -Dbench.inbox.depth="$DEPTH" -Dbench.ceiling.seconds="$CEILING_SECONDS")
[[ -n "${CHAT_BENCH_API:-}" ]] && props+=(-Dbench.api="$CHAT_BENCH_API")
java_run() { "$JAVA_HOME/bin/java" -Xms256m -Xmx1g "${props[@]}" -cp "$CP" "$@"; }
gatling() { # simulation results-subfolder
  log "gatling: $1"
  # Gatling's own CPU (user + system seconds of its JVM), for the report: the load generator shares the two cores.
  local TIMEFORMAT='%U %S' status=0
  { time java_run --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    io.gatling.app.Gatling --simulation "dev.chatplatform.benchmarks.$1" --results-folder "$OUT/gatling/$2" \
    >"$OUT/gatling-$2.log" 2>&1 || status=$?; } 2>"$OUT/gatling-$2.cpu"
  (( status == 0 )) || { tail -n 40 "$OUT/gatling-$2.log" >&2; exit 1; }
  awk -v k="$2" 'NF == 2 { printf "cpu.gatling.%s.seconds\t%.2f\n", k, $1 + $2 }' "$OUT/gatling-$2.cpu" >>"$RESULTS"
  grep -h '^\[lag\]' "$OUT/gatling-$2.log" >&2 || true  # the probe's own account, kept visible in CI
}
meta() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS"; }
# CPU profiles (JFR) of the API during the POST step and of the worker during the drain, full runs only
# (CHAT_BENCH_PROFILE=0 turns them off); their summaries go at the end of the report.
PROFILE=$(( SMOKE ? 0 : ${CHAT_BENCH_PROFILE:-1} ))
profile() { (( PROFILE )) && scripts/profile.sh "$@" >/dev/null || true; }
# CPU seconds per process over a step (from /proc/PID/stat), so a report says which process the two cores
# went to: cpu_mark NAME before the step, cpu_report NAME TITLE after it (writes $OUT/cpu-NAME.txt).
cpu_pids() {
  printf 'api %s\nworker %s\n' "$(cat .run/api.pid 2>/dev/null)" "$(cat .run/worker.pid 2>/dev/null)"
  printf 'mariadb %s\nredis %s\n' "$(pgrep -xo mariadbd || pgrep -xo mysqld)" "$(pgrep -xo redis-server)"
  printf 'rabbitmq %s\nelasticsearch %s\n' "$(pgrep -fo 'beam.smp.*rabbit')" "$(pgrep -fo org.elasticsearch.bootstrap)"
}
cpu_ticks() { [[ -n "$1" && -r /proc/$1/stat ]] && awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" || echo 0; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat; }
cpu_mark() {
  : >"$OUT/cpu-$1.start"
  while read -r name pid; do echo "$name ${pid:-none} $(cpu_ticks "${pid:-}")" >>"$OUT/cpu-$1.start"; done < <(cpu_pids)
  echo "$(date +%s.%N) $(busy_ticks)" >"$OUT/cpu-$1.total"
}
cpu_report() { # name title
  while read -r name pid ticks; do echo "$name $pid $ticks $(cpu_ticks "$pid")"; done <"$OUT/cpu-$1.start" \
    | awk -v tck="$(getconf CLK_TCK)" -v cores="$(nproc)" -v title="$2" -v now="$(date +%s.%N)" \
          -v busy="$(busy_ticks)" -v start="$(cat "$OUT/cpu-$1.total")" '
      BEGIN { split(start, s, " "); seconds = now - s[1]; total = (busy - s[2]) / tck
              printf "# %s: %.0f s, the machine busy %.2f of %d cores on average\n\n%-28s %9s %7s\n", title, seconds, total / seconds, cores, "process", "CPU s", "cores" }
      $2 != "none" { used = ($4 - $3) / tck; sum += used; printf "%-28s %9.1f %7.2f\n", $1, used, used / seconds }
      END { printf "%-28s %9.1f %7.2f\n", "the rest (Gatling, probes, OS)", total - sum, (total - sum) / seconds }' \
    >"$OUT/cpu-$1.txt"
}

if [[ ! -f "$DATASET" ]]; then
  if (( SMOKE )); then
    log "no data set at $DATASET: making a tiny one through the API"
    java_run -Dbench.seed.contacts=60 -Dbench.seed.groups=5 -Dbench.seed.messages=400 dev.chatplatform.benchmarks.ApiSeed
  else
    log "no data set at $DATASET: run scripts/dataset.sh first"; exit 1
  fi
fi
# shellcheck disable=SC1090
source "$DATASET"

meta meta.mode "$( ((SMOKE)) && echo smoke || echo full)"
meta meta.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta meta.nproc "$(nproc)"
meta meta.cpu "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
meta meta.memory "$(free -h | awk '/^Mem:/ {print $2}')"
meta meta.revision "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/benchmarks.md' || echo ' (with uncommitted changes)')"
meta meta.dataset "$CHAT_DATASET_CONTACTS contacts, $CHAT_DATASET_CHATS chats ($CHAT_DATASET_GROUP_CHATS group chats), $CHAT_DATASET_MESSAGES messages; bodies from ${CHAT_DATASET_CORPUS:-built-in sentences}"
meta meta.stack "API ${CHAT_BENCH_API:-$CHAT_DATASET_API}, worker ${CHAT_WORKER_PORT:-8081}; MariaDB, Redis, RabbitMQ, Elasticsearch on the same machine"
meta meta.biggest_chat "$CHAT_DATASET_BIGGEST_CHAT"
meta meta.biggest_chat_messages "$CHAT_DATASET_BIGGEST_CHAT_MESSAGES"
meta meta.post_wrk_seconds "$POST_WRK_SECONDS"; meta meta.post_wrk_chats "$POST_WRK_CHATS"
meta meta.post_rates "$POST_RATES"; meta meta.post_seconds "$POST_SECONDS"; meta meta.post_warmup_seconds "$WARMUP"; meta meta.lag_rate "$LAG_RATE"; meta meta.lag_seconds "$LAG_SECONDS"; meta meta.lag_paced_think_ms "$LAG_PACED_THINK"
meta meta.lag_probe_rate "$PROBE_RATE"; meta meta.read_clients "$READ_CLIENTS"; meta meta.read_seconds "$READ_SECONDS"
meta meta.read_warmup_seconds "$READ_WARMUP"; meta meta.inbox_depth "$DEPTH"; meta meta.ceiling_threads 8

# The POST step's yardsticks (BareWriteEndpoint: our write path with no web framework, and the numbering script with
# the confirmed publish alone) live in the API's JVM, on when it was started with CHAT_BENCH_BARE_PORT. A local API
# started without it is restarted with it here, before the reads' tour warms it.
BARE_PORT=${CHAT_BENCH_BARE_PORT:-8089}
bare_up() { curl -s -o /dev/null -m 5 "http://127.0.0.1:$BARE_PORT/bare/write/" -X POST -d '{}'; }
if ! bare_up && grep -q '^api: up' <<<"$(scripts/platform.sh status 2>/dev/null || true)"; then
  log "restarting the API with its yardstick endpoints on 127.0.0.1:$BARE_PORT (CHAT_BENCH_BARE_PORT)"
  scripts/platform.sh stop api
  CHAT_BENCH_BARE_PORT=$BARE_PORT scripts/platform.sh start api
fi
bare_up || log "no yardstick endpoint on 127.0.0.1:$BARE_PORT (a remote API?): the POST step reports it not run"
export BARE_PORT

# 4 and 5, measured first. Inbox pages, searches and message lists over HTTP (issue 12): closed loop, READ_CLIENTS
# wrk clients, each step alone after a warm-up of its own (benchmarks/wrk/read-run.sh); then the bare queries of the
# same pages, driven the same way (BareReads). They run before the write steps so that they read the data set as it was
# loaded (the drain alone adds a million messages to a thousand chats) on a stack that is not still absorbing those
# writes: measured after them, the first page answered 1,262/s at p99 41 ms against 2,386-2,648/s at p99 11-20 ms
# in separate runs (docs/performance.md).
command -v wrk >/dev/null 2>&1 || { log "installing wrk (apt-get)"; apt-get install -y -qq wrk >/dev/null 2>&1 \
  || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
# The reads are measured on a settled stack: after a data set load (or writes of an earlier run) the worker's count
# reconciler (every minute) recounts every chat they changed, about a minute at 1.3 cores after a full run, and reads
# measured meanwhile share the cores with it. A smoke run does not wait.
# shellcheck source=benchmarks/wrk/sql.sh
source "$ROOT/benchmarks/wrk/sql.sh"
settle() {
  local left=""
  for _ in $(seq 1 300); do
    left=$(sql "SELECT (SELECT COUNT(*) FROM count_changes) + (SELECT COUNT(*) FROM chat_search_changes)" \
      2>/dev/null) || return 0
    [[ $left == 0 ]] && return 0
    sleep 1
  done
  log "count_changes and chat_search_changes still list $left chats after 300 s: reading anyway"
}
# ... and after Elasticsearch's merges of what the drain indexed: at 1,000,000 new documents they run for minutes
# at up to a core, and a q or search step measured meanwhile paid for them (the full run of 2026-12-06 06:50).
merges_done() {
  local quiet=0 current
  for _ in $(seq 1 600); do
    current=$(curl -fs "${CHAT_ES_URL:-http://127.0.0.1:9200}/_nodes/stats/indices/merges?filter_path=nodes.*.indices.merges.current" \
      | grep -o '"current":[0-9]*' | awk -F: '{ n += $2 } END { print n + 0 }') || return 0
    if [[ ${current:-0} == 0 ]]; then
      quiet=$((quiet + 1)); (( quiet >= 5 )) && return 0
    else
      quiet=0
    fi
    sleep 1
  done
  log "Elasticsearch still merging after 600 s: reading anyway"
}
# Polls a command every second until its output has not changed for QUIET polls (0) or TRIES polls have passed (1);
# a command that fails ends the wait (0): what it asks is not there to wait for.
steady() { # QUIET TRIES command...
  local want=$1 tries=$2 value last="" quiet=0
  shift 2
  for _ in $(seq 1 "$tries"); do
    value=$("$@" 2>/dev/null) || return 0
    if [[ $value == "$last" ]]; then
      quiet=$((quiet + 1)); (( quiet >= want )) && return 0
    else
      quiet=0
    fi
    last=$value
    sleep 1
  done
  return 1
}
# ... and after InnoDB has written back what it writes back on its own: idle, it flushed ~250 dirty pages a second
# (innodb_io_capacity 200) after this session's writes, then stopped at ~9,000 (7% of the pool) and kept those.
# Settled: the count of dirty pages unchanged for 5 s.
dirty_pages() { sql "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}'; }
indexed_count() {
  curl -fs "http://127.0.0.1:${CHAT_WORKER_PORT:-8081}/actuator/metrics/chat.worker.indexed" | grep -o '"value":[0-9.E]*' | head -1
}
indexed_settled() {
  steady 3 300 indexed_count || log "the worker still indexing after 300 s: going on anyway"
}
flushed() {
  steady 5 600 dirty_pages \
    || log "InnoDB still writing back dirty pages after 600 s ($(dirty_pages 2>/dev/null) left): reading anyway"
}
if (( ! SMOKE )); then
  log "read: waiting for the count reconciler to finish the chats the writes changed"
  settle
  log "read: waiting for Elasticsearch's merges"
  merges_done
  log "read: waiting for InnoDB to write back its dirty pages"
  flushed
fi
READ_STEPS=(first deep name phone content search list since before)
read_run() { DATASET="$DATASET" QUERIES="$QUERIES" DEPTH="$DEPTH" API="${CHAT_BENCH_API:-$CHAT_DATASET_API}" \
  benchmarks/wrk/read-run.sh "$step" "$READ_CLIENTS" "$1"; }
# A tour of every step first: the code they share (Tomcat, JDBC, Jackson) is compiled by then. A just-started API
# took about 80 s of first pages to reach its rate (716, 1,686, 2,062, 2,367/s in 20 s runs), more than one
# step's own warm-up.
if (( ! SMOKE )); then
  log "read: a tour of every step, ${READ_TOUR}s each, not measured"
  for step in "${READ_STEPS[@]}"; do read_run "$READ_TOUR" >/dev/null 2>&1 || true; done
fi
cpu_mark read
for step in "${READ_STEPS[@]}"; do
  log "read: $step, $READ_CLIENTS clients for ${READ_SECONDS}s after ${READ_WARMUP}s of warm-up"
  read_run "$READ_WARMUP" >/dev/null 2>&1 || true
  read_run "$READ_SECONDS" >"$OUT/read-$step.txt" 2>&1 || { tail -n 20 "$OUT/read-$step.txt" >&2; exit 1; }
  grep '^result ' "$OUT/read-$step.txt" | tr ' ' '\n' | tail -n +2 | sed -E "s/^/read.$step./; s/=/\t/" >>"$RESULTS"
done
cpu_report read "inbox, search and message-list reads over HTTP"
log "read: the same pages as bare queries"
java_run dev.chatplatform.benchmarks.BareReads
# 1. POST closed loop (wrk, benchmarks/wrk/post-run.sh): messages and chats from 50 and from 200 clients into a new
# application of 100 chats, and messages from 50 clients into random chats of the data set; a warm-up first (a
# just-started API took about 60 s of POSTs to reach its rate; 40 s left the first step 10% short, docs/performance.md).
post_run() { # label kind clients seconds [CHATS=... TOKEN=...]
  local label=$1 kind=$2 clients=$3 seconds=$4; shift 4
  env "$@" API="${CHAT_BENCH_API:-$CHAT_DATASET_API}" benchmarks/wrk/post-run.sh "$clients" "$seconds" "$kind" \
    >"$OUT/post-$label.txt" 2>&1 || { tail -n 20 "$OUT/post-$label.txt" >&2; exit 1; }
  [[ $label == warmup || $label == profiled ]] && return
  grep '^result ' "$OUT/post-$label.txt" | tr ' ' '\n' | tail -n +2 | sed -E "s/^/wrk.post.$label./; s/=/\t/" >>"$RESULTS"
}
log "post, closed loop: ${POST_WRK_WARMUP}s of warm-up, then ${POST_WRK_SECONDS}s a step"
post_run warmup messages 50 "$POST_WRK_WARMUP" CHATS="$POST_WRK_CHATS"
# The API's profile of the report: a closed loop of its own, unreported, so the profiler's own cost (samples every
# millisecond) lands in no reported step (it profiled the open model before, where it took its share of the cores).
if (( PROFILE )); then
  profile start api post-api
  post_run profiled messages 50 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
  profile stop api post-api
fi
# Each yardstick right after the step it measures (bare_up: the API runs them): our write path with no web framework in
# front (the worker persists and indexes what it sends) after our POST at the same client count, so both meet the same
# backlog; the numbering script and the confirmed publish alone last. Our POST as a ratio of each is what the framework
# costs and what the rest of the write path does; a bar the first misses is beyond this machine for any web front.
yardstick() { bare_up && post_run "$@" || true; }
post_run messages_50 messages 50 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
yardstick bare_write_50 bare-write 50 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
post_run messages_200 messages 200 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
yardstick bare_write_200 bare-write 200 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
post_run chats_50 chats 50 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
post_run chats_200 chats 200 "$POST_WRK_SECONDS" CHATS="$POST_WRK_CHATS"
post_run dataset_50 messages 50 "$POST_WRK_SECONDS" TOKEN="$CHAT_DATASET_TOKEN" CHATS="$CHAT_DATASET_CHATS"
yardstick bare_50 bare 50 "$POST_WRK_SECONDS"
yardstick bare_200 bare 200 "$POST_WRK_SECONDS"
# The closed loop leaves work behind: the worker's last batches, the recounts and chat documents of the data set's
# chats it touched, Elasticsearch's merges. In the first run with this step the open model that followed at once
# collapsed at 1,000/s (831 answered/s, 5,077 503s) where the run before had answered 500-948/s of it.
if (( ! SMOKE )); then
  log "post: waiting for the worker's backlog, the reconciler and Elasticsearch's merges"
  indexed_settled
  settle
  merges_done
fi
# Open model at each rate, then the raw ceilings.
cpu_mark post
gatling PostMessageSimulation post
cpu_report post "POST step (every rate)"
log "raw ceilings: Redis INCR, RabbitMQ confirmed publishes"
java_run dev.chatplatform.benchmarks.Ceilings
# 2. End-to-end lag under load, then real-time events: publish-to-delivery over WebSocket subscribers.
# The lag is measured from a settled stack too: the open model's top rates leave the worker a backlog of what the API
# accepted beyond the worker's pace, and the probe's messages queued behind it (the run at 954ad76: the API accepted
# ~1,900/s at 2,000/s asked, and none of the 454 probes was persisted within 30 s of the load's end).
if (( ! SMOKE )); then
  log "lag: waiting for the worker's backlog, the reconciler and Elasticsearch's merges"
  indexed_settled
  settle
  merges_done
fi
# The lag at a pace the two cores sustain: wrk's 50 connections each pausing LAG_PACED_THINK ms between POSTs (about
# 1,000/s) into 100 chats of a new application, the probe (LagRun) beside it. Gatling's 2,000/s below is an
# overload here (its JVM alone takes ~0.5 ms of CPU a request, docs/performance.md).
log "lag, paced: 50 wrk connections pausing ${LAG_PACED_THINK} ms, the probe beside them"
# The probe's JVM compiles with C1 only: it runs for seconds, and C2 doubled its CPU (11.2 s against 5.6 s for 15 s of
# probing, most of it the compilers), taken from the stack it measures.
lag_probe() { # the probe's command line, its results under the key $1
  printf '%q ' "$JAVA_HOME/bin/java" -Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${props[@]}" \
    -Dbench.lag.key="$1" -cp "$CP" dev.chatplatform.benchmarks.LagRun
}
post_run lag_paced messages 50 "$LAG_SECONDS" CHATS=100 THINK_MS="$LAG_PACED_THINK" BESIDE="$(lag_probe lag_paced)"
if (( ! SMOKE )); then
  log "lag: waiting for the worker's backlog again"
  indexed_settled
  settle
fi
# The lag at the bar's rate (LAG_RATE), paced by wrk on a schedule (post-message.lua's RATE) into the same kind of
# application: the bar's load with a load generator that costs 0.03-0.05 ms a request, where Gatling's below costs
# 0.15-0.31 ms and posts into the data set's chats.
log "lag, at ${LAG_RATE}/s: wrk on a schedule, the probe beside it"
post_run lag_rate messages 50 "$LAG_SECONDS" CHATS=100 RATE="$LAG_RATE" BESIDE="$(lag_probe lag_rate)"
if (( ! SMOKE )); then
  log "lag: waiting for the worker's backlog again"
  indexed_settled
  settle
fi
gatling LagSimulation lag
# The lag step leaves the worker a backlog (it overloads the stack on purpose), the recounts and chat documents of the
# ~40,000 data set chats it wrote to, and Elasticsearch merges to run: the events are measured once all are done, or
# they would queue behind them (with the recounts still running, the run of 2026-12-07 00:55 measured p99 362 ms and
# its 16 posters' POST p99 334 ms).
if (( ! SMOKE )); then
  log "events: waiting for the worker's backlog, the reconciler and Elasticsearch's merges"
  indexed_settled
  settle
  merges_done
fi
log "events: $EVENT_SUBSCRIBERS subscribers of one chat, $EVENT_MESSAGES messages"
java_run -Dbench.events.subscribers="$EVENT_SUBSCRIBERS" -Dbench.events.messages="$EVENT_MESSAGES" dev.chatplatform.benchmarks.EventLatency
# The size of RealTimeEventsIT's burst (issue 11's second events bar), on the running platform's one API instance.
log "events: $EVENT_1000_SUBSCRIBERS subscribers of one chat, $EVENT_1000_MESSAGES messages"
java_run -Dbench.events.key=events_1000 -Dbench.events.subscribers="$EVENT_1000_SUBSCRIBERS" \
  -Dbench.events.messages="$EVENT_1000_MESSAGES" dev.chatplatform.benchmarks.EventLatency
# The raw parts of the same fan-out: bare Tomcat WebSocket servers and the JDK client, none of our code.
log "raw fan-out: $FANOUT_SUBSCRIBERS subscribers, bursts of $FANOUT_MESSAGES frames spread over $FANOUT_PACES ms"
java_run -Dbench.fanout.subscribers="$FANOUT_SUBSCRIBERS" -Dbench.fanout.messages="$FANOUT_MESSAGES" \
  -Dbench.fanout.paces-ms="$FANOUT_PACES" dev.chatplatform.benchmarks.RawFanout
# 3. Backlog drains. First a running worker's: its consumers pause (its consumers actuator endpoint) while the
# backlog is published, then resume, as after a MariaDB or Elasticsearch outage; the worker's code is compiled.
# Then a restarted worker's: stopped while the backlog is published, it compiles its code as it drains.
# shellcheck source=benchmarks/consumers.sh
source "$ROOT/benchmarks/consumers.sh"
log "drain: pausing the worker's consumers, enqueueing $DRAIN messages"
trap 'consumers running || true' EXIT
consumers paused
java_run dev.chatplatform.benchmarks.Drain enqueue
# The watcher resumes the consumers once it has read what the worker counted before this backlog; the trap resumes
# them if anything fails first.
java_run -Dbench.drain.resume=true dev.chatplatform.benchmarks.Drain watch &
watcher=$!
trap 'kill "$watcher" 2>/dev/null; consumers running || true' EXIT
profile start worker drain-worker
cpu_mark drain
wait "$watcher"
trap - EXIT
cpu_report drain "backlog drain, running worker"
profile stop worker drain-worker
# The worker is restarted however this ends.
log "drain: stopping the worker, enqueueing $DRAIN messages"
trap 'scripts/platform.sh start worker >&2 || true' EXIT
scripts/platform.sh stop worker
java_run -Dbench.drain.key=drain_restart dev.chatplatform.benchmarks.Drain enqueue
java_run -Dbench.drain.key=drain_restart dev.chatplatform.benchmarks.Drain watch &
watcher=$!
trap 'kill "$watcher" 2>/dev/null; scripts/platform.sh start worker >&2 || true' EXIT
scripts/platform.sh start worker
trap - EXIT
cpu_mark drain_restart
wait "$watcher"
cpu_report drain_restart "backlog drain, restarted worker"

if (( SMOKE )); then
  java_run dev.chatplatform.benchmarks.Report "$REPORT" --require \
    || { for f in "$OUT"/gatling-*.log; do echo "--- $f" >&2; tail -n 30 "$f" >&2; done; exit 1; }
else
  java_run dev.chatplatform.benchmarks.Report "$REPORT"
  {
    printf '\n## Which process the cores went to (CPU seconds from /proc, per step)\n\n'
    for p in post drain drain_restart read; do
      if [[ -f "$OUT/cpu-$p.txt" ]]; then printf '```\n'; cat "$OUT/cpu-$p.txt"; printf '```\n\n'; fi
    done
  } >>"$REPORT"
  if (( PROFILE )); then
    {
      printf '\n## Where the CPU went (async-profiler CPU samples, scripts/profile.sh)\n\n'
      printf 'The API during an unreported closed loop of its own (POST message, 50 wrk clients, after the warm-up); the worker during the running drain.\n\n'
      for p in post-api drain-worker; do
        if [[ -f "$OUT/$p.txt" ]]; then printf '```\n'; cat "$OUT/$p.txt"; printf '```\n\n'; fi
      done
    } >>"$REPORT"
  fi
fi
log "report: $REPORT (Gatling's HTML reports under .run/bench/gatling)"
