#!/usr/bin/env bash
# The whole platform on this machine, with no Docker: services (MariaDB, Redis, RabbitMQ, Elasticsearch),
# then the API on http://localhost:8080 (its actuator on 127.0.0.1:8082) and the worker (actuator on 127.0.0.1:8081).
#   scripts/platform.sh start     install + start what is missing, build the jars, start API and worker
#   scripts/platform.sh stop      stop API and worker (add --all to stop the services too)
#   scripts/platform.sh status
#   scripts/platform.sh stop worker|api    stop one process (the backlog benchmark stops the worker)
#   scripts/platform.sh start worker|api   start one process on services already running
# Variables the caller set (CHAT_RABBIT_VHOST, CHAT_DB_URL, ...) win over the services' defaults, so a
# second stack can run beside the first on its own ports, vhost, database and Redis database.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.run"
LOGS="$RUN/logs"
JARS=("$ROOT/api/target/chat-api.jar" "$ROOT/worker/target/chat-worker.jar")
API_PORT="${CHAT_API_PORT:-8080}"
# Health, metrics and Prometheus answer on the management ports only (docs/operations.md).
API_MANAGEMENT_PORT="${CHAT_API_MANAGEMENT_PORT:-8082}"
WORKER_PORT="${CHAT_WORKER_PORT:-8081}"

log() { printf '[platform] %s\n' "$*" >&2; }

alive() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

healthy() { curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health" 2>/dev/null; }

build() {
  # Rebuild when any source is newer than either jar (or a jar is missing).
  local jar stale=
  for jar in "${JARS[@]}"; do
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT" \( -path "$ROOT/.run" -o -path "$ROOT/benchmarks" -o -path "$ROOT/dataset" -o -path "$ROOT/system-tests" -o -path '*/target' \) -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name '*.json' -o -name pom.xml \) -newer "$jar" -print -quit)" ]]; then
      stale=1
    fi
  done
  if [[ -n "$stale" ]]; then
    log "building the API and worker jars (mvn package, tests skipped: scripts/test.sh runs them)"
    # Without the old jars: Spring Boot's repackage leaves a jar it finds already repackaged as it is, so the
    # modules it bundles would stay at their previous build.
    rm -f "${JARS[@]}"
    (cd "$ROOT" && mvn -B -q -DskipTests -pl api,worker -am package)
  fi
}

launch() { # name port: runs <name>/target/chat-<name>.jar
  local name=$1 port=$2
  if alive "$name"; then
    log "$name already running (pid $(cat "$RUN/$name.pid"))"
    return
  fi
  mkdir -p "$LOGS"
  # CHAT_WORKER_NICE (default 0): a niced worker yields the CPU to the API under a burst, but it also publishes
  # the real-time events, which then arrive late (docs/performance.md).
  local niceness=0
  [[ "$name" == worker ]] && niceness=${CHAT_WORKER_NICE:-0}
  # 4 MiB regions: a group of commands (up to 512 KiB) or an index bulk body is then no humongous object; with 1 MiB
  # regions each one started a concurrent GC cycle, a third of the worker's CPU (docs/performance.md).
  # CHAT_JAVA_OPTS: more JVM options for both processes (they come last, so they win).
  # The API's CarrierWatchdog writes its thread dumps beside the logs.
  # shellcheck disable=SC2086
  CHAT_API_THREAD_DUMPS="${CHAT_API_THREAD_DUMPS:-$LOGS}" \
  nohup nice -n "$niceness" "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -XX:G1HeapRegionSize=4m ${CHAT_JAVA_OPTS:-} -jar "$ROOT/$name/target/chat-$name.jar" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  log "$name starting (pid $!, log .run/logs/$name.log)"
}

await() { # name port
  local name=$1 port=$2 deadline=$((SECONDS + 180))
  until healthy "$port"; do
    if ! alive "$name"; then
      log "$name exited; last lines of its log:"; tail -n 40 "$LOGS/$name.log" >&2; exit 1
    fi
    if (( SECONDS > deadline )); then
      log "$name not healthy after 180 s; last lines of its log:"; tail -n 40 "$LOGS/$name.log" >&2; exit 1
    fi
    sleep 1
  done
  log "$name is up on port $port"
}

# Exports the services' variables the caller has not set already.
use_env() {
  local line assignment
  while IFS= read -r line; do
    assignment=${line#export }
    local name=${assignment%%=*}
    [[ -n "${!name:-}" ]] || export "$assignment"
  done <<<"$1"
}

stop_one() {
  local name=$1
  if alive "$name"; then
    local pid; pid=$(cat "$RUN/$name.pid")
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    log "$name stopped"
  fi
  rm -f "$RUN/$name.pid"
}

case "${1:-start}" in
  start)
    # shellcheck source=scripts/java-env.sh
    source "$ROOT/scripts/java-env.sh"
    case "${2:-}" in
      api|worker)
        use_env "$("$ROOT/scripts/services.sh" env)"
        build
        if [[ $2 == api ]]; then
          launch api "$API_PORT"; await api "$API_MANAGEMENT_PORT"
        else
          launch worker "$WORKER_PORT"; await worker "$WORKER_PORT"
        fi
        exit 0 ;;
      "") ;;
      *) echo "usage: $0 start [api|worker]" >&2; exit 2 ;;
    esac
    envs="$("$ROOT/scripts/services.sh" start)" || { log "services failed to start"; exit 1; }
    use_env "$envs"
    build
    launch api "$API_PORT"
    launch worker "$WORKER_PORT"
    await api "$API_MANAGEMENT_PORT"
    await worker "$WORKER_PORT"
    log "ready: API on http://localhost:$API_PORT (Swagger UI at /swagger-ui/index.html); health and metrics on" \
      "http://127.0.0.1:$API_MANAGEMENT_PORT/actuator (API) and http://127.0.0.1:$WORKER_PORT/actuator (worker)"
    ;;
  stop)
    case "${2:-}" in
      api|worker) stop_one "$2"; exit 0 ;;
    esac
    stop_one api
    stop_one worker
    if [[ "${2:-}" == "--all" ]]; then "$ROOT/scripts/services.sh" stop; fi
    ;;
  status)
    for name in api worker; do
      if alive "$name"; then echo "$name: up (pid $(cat "$RUN/$name.pid"))"; else echo "$name: down"; fi
    done
    "$ROOT/scripts/services.sh" status
    ;;
  *)
    echo "usage: $0 start [api|worker]|stop [--all|api|worker]|status" >&2; exit 2 ;;
esac
