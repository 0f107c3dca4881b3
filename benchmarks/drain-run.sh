#!/usr/bin/env bash
# The backlog drain alone (the step of scripts/benchmark.sh), against the running platform and its data set:
# stops the worker, publishes N message commands as the API would (envelopes of 32, routed to their persist
# partitions), starts the worker and reports persisted/s and indexed/s, with the CPU of each process while
# the worker drained (seconds and cores; the worker's start-up included).
#   benchmarks/drain-run.sh [messages=500000]
# CHAT_WRITE_PARTITIONS is read by the worker started here, and by the enqueue (they must agree).
# PROFILE=cpu|wall: an async-profiler profile of the worker while it drains (scripts/profile.sh), in
# .run/bench/drain-worker.collapsed and .html.
# WARM=1: the running worker pauses its consumers (its consumers actuator endpoint) while the backlog is
# published and resumes them, instead of being stopped and started: the drain of a worker that is up and
# compiled, as after a MariaDB or Elasticsearch outage, where a restarted one also compiles its code as it drains.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N=${1:-500000}
OUT="$ROOT/.run/bench-drain"
mkdir -p "$OUT"
# shellcheck source=scripts/java-env.sh
source scripts/java-env.sh
eval "$(scripts/services.sh env)"

mvn -B -q -pl benchmarks -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >"$OUT/build.log" 2>&1 \
  || { tail -n 40 "$OUT/build.log" >&2; exit 1; }
CP="$ROOT/benchmarks/target/test-classes:$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
java_run() {
  "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -Dbench.dataset="$ROOT/.run/dataset.env" -Dbench.queries="$ROOT/.run/dataset-queries.tsv" \
    -Dbench.results="$RESULTS" -Dbench.drain.messages="$N" -cp "$CP" "$@"
}

# shellcheck source=benchmarks/consumers.sh
source "$ROOT/benchmarks/consumers.sh"
if [[ -n "${WARM:-}" ]]; then
  trap 'consumers running || true' EXIT
  consumers paused
else
  trap 'scripts/platform.sh start worker >&2 || true' EXIT
  scripts/platform.sh stop worker >&2
fi
java_run dev.chatplatform.benchmarks.Drain enqueue
# A paused worker is resumed by the watcher, once it has read what the worker counted before this backlog.
java_run -Dbench.drain.resume="${WARM:+true}" dev.chatplatform.benchmarks.Drain watch &
watcher=$!
# A paused worker stays resumable by the trap until the watcher is done; a started one needs nothing more.
[[ -n "${WARM:-}" ]] || { scripts/platform.sh start worker >&2; trap - EXIT; }
[[ -n "${PROFILE:-}" ]] && scripts/profile.sh start worker drain-worker "$PROFILE" >&2
# shellcheck source=benchmarks/wrk/stack.sh
source "$ROOT/benchmarks/wrk/stack.sh"
busy() { awk '/^cpu / {print $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat; }
start=$(date +%s.%N); busy_before=$(busy)
wait "$watcher"
trap - EXIT
[[ -n "${PROFILE:-}" ]] && scripts/profile.sh stop worker drain-worker | head -40 >&2
seconds=$(echo "$(date +%s.%N) - $start" | bc -l)
cat "$RESULTS"
tck=$(getconf CLK_TCK)
printf 'machine busy %.2f of %d cores over %.1f s\n' "$(echo "($(busy) - $busy_before) / $tck / $seconds" | bc -l)" "$(nproc)" "$seconds"
for name in api worker rabbitmq elasticsearch redis mariadb; do
  used=$(echo "($(ticks "${PIDS[$name]}") - ${BEFORE[$name]}) / $tck" | bc -l)
  printf '%-14s %7.1f s %5.2f cores\n' "$name" "$used" "$(echo "$used / $seconds" | bc -l)"
done
