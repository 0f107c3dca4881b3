#!/usr/bin/env bash
# Starts the chat backend's infrastructure (MariaDB, Redis, RabbitMQ, Elasticsearch)
# on 127.0.0.1 without Docker or systemd, keeping all data and logs under $ROOT/.run/.
#
#   scripts/services.sh [start]   install what is missing, start what is not running,
#                                 provision users/databases, print `export` lines
#   scripts/services.sh stop      stop the services started from this project's .run
#   scripts/services.sh status    one line per service: up / down
#   scripts/services.sh env       print the `export` lines only
#
# Progress goes to stderr, only the export lines go to stdout, so this works:
#   eval "$(scripts/services.sh start)"
# Must run as root (installs packages, runs each daemon as its own system user).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.run"
LOGS="$RUN/logs"

# Ports may be overridden by the caller; everything binds to loopback only.
HOST=127.0.0.1
DB_PORT="${CHAT_DB_PORT:-3306}"
REDIS_PORT="${CHAT_REDIS_PORT:-6379}"
RABBIT_PORT="${CHAT_RABBIT_PORT:-5672}"
ES_PORT="${CHAT_ES_PORT:-9200}"

# --- MariaDB -----------------------------------------------------------------------
DB_DATA="$RUN/mysql"
DB_RUNDIR="$RUN/mysqld"            # owned by mysql: the server creates socket + pid here
DB_SOCK="$DB_RUNDIR/mysqld.sock"
if (( ${#DB_SOCK} >= 100 )); then  # unix socket paths must be < 108 bytes
  DB_RUNDIR=/run/mysqld-chat
  DB_SOCK="$DB_RUNDIR/mysqld.sock"
fi
DB_PID="$DB_RUNDIR/mysqld.pid"

# --- Redis -------------------------------------------------------------------------
REDIS_DIR="$RUN/redis"
REDIS_PID="$REDIS_DIR/redis.pid"

# --- RabbitMQ ----------------------------------------------------------------------
RMQ_DIR="$RUN/rabbitmq"
RMQ_NODE=rabbit@localhost          # does not depend on the host name resolving
RMQ_PID="$RMQ_DIR/rabbit.pid"
RMQ_HOME=/var/lib/rabbitmq         # the Erlang cookie lives here (server and CLI must agree)

# --- Elasticsearch -----------------------------------------------------------------
ES_VERSION=8.19.21
ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ES_CACHE="$RUN/cache"              # the downloaded zip is kept so reruns do not download
ES_ZIP="$ES_CACHE/elasticsearch-${ES_VERSION}.zip"
ES_BASE="$RUN/elasticsearch"
ES_HOME="$ES_BASE/elasticsearch-${ES_VERSION}"
ES_PID="$ES_BASE/es.pid"
# 2 GB, fixed (Elasticsearch's own advice: Xms = Xmx). Its filter cache and request caches are a share of the heap:
# at 512 MB-1 GB the search in the biggest chat of the 5M data set answered 470/s at p99 174 ms from 8 clients, at
# 2 GB 1,080/s at p99 43 ms (docs/performance.md, 2026-12-06). The machine also runs MariaDB, RabbitMQ, Redis, two
# JVM apps and Maven: 2 GB of its 24 is what it can spare.
ES_HEAP_OPTS="${CHAT_ES_JAVA_OPTS:--Xms2g -Xmx2g}"

log()  { echo "[services] $*" >&2; }
die()  { echo "[services] ERROR: $*" >&2; exit 1; }

# ===================================================================================
# helpers
# ===================================================================================

# True if the pid in file $1 is alive (and, if $2 is given, its command line contains $2,
# so a recycled pid is not mistaken for our daemon).
pid_alive() {
  local file="$1" match="${2:-}" pid
  [[ -s "$file" ]] || return 1
  pid="$(tr -dc '0-9' < "$file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z "$match" ]] && return 0
  local cmdline; cmdline="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *"$match"* ]]
}

# Wait up to $2 seconds for pid in file $1 to exit; SIGKILL it after that.
wait_pid_gone() {
  local file="$1" secs="$2" pid
  pid="$(tr -dc '0-9' 2>/dev/null < "$file" || true)"
  [[ -n "$pid" ]] || return 0
  local deadline=$((SECONDS + secs))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      log "pid $pid still alive after ${secs}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$file"
}

# Print the tail of a log and fail.
fail_with_log() {
  local what="$1" file="$2"
  echo "[services] ERROR: $what" >&2
  if [[ -f "$file" ]]; then
    echo "----- last lines of $file -----" >&2
    tail -n 40 "$file" >&2 || true
    echo "-------------------------------" >&2
  fi
  exit 1
}

# Run a command in a new session, detached from this shell, stdout+stderr to $2.
# Remembers the pid per service so the wait loop can fail fast if it dies on startup.
declare -A LAUNCHED=()
launch() {
  local name="$1" logfile="$2"; shift 2
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null &
  LAUNCHED[$name]=$!
}

# The service users must traverse every parent of .run (e.g. a repo under /root would
# otherwise be unreachable for mysql/rabbitmq/elasticsearch). Only adds o+x, never o+r.
ensure_traversable() {
  local d="$RUN"
  while [[ "$d" != "/" ]]; do
    if [[ -d "$d" ]] && ! [[ "$(stat -c %A "$d")" =~ ^d........[xt] ]]; then
      log "chmod o+x $d (service users must reach $RUN)"
      chmod o+x "$d"
    fi
    d="$(dirname "$d")"
  done
}

es_java_home() {
  if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    echo /usr/lib/jvm/temurin-25-jdk-amd64
  else
    # default JDK: /usr/lib/jvm/<jdk>/bin/java -> /usr/lib/jvm/<jdk>
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

# Client wrappers ------------------------------------------------------------------
db_root()   { mariadb -uroot --socket="$DB_SOCK" "$@"; }
db_ping()   { mariadb-admin -uroot --socket="$DB_SOCK" --connect-timeout=2 ping >/dev/null 2>&1; }
redis_ping(){ [[ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
# rabbitmqctl runs as the rabbitmq user with its HOME so it reads the same Erlang cookie.
# ERL_EPMD_ADDRESS here too: the first Erlang program to run (often this CLI, probing
# whether the broker is up) starts epmd, which would otherwise listen on 0.0.0.0:4369.
rmqctl() {
  runuser -u rabbitmq -- env HOME="$RMQ_HOME" RABBITMQ_NODENAME="$RMQ_NODE" ERL_EPMD_ADDRESS="$HOST" \
    /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RMQ_NODE" "$@"
}
rmq_up()    { command -v rabbitmqctl >/dev/null 2>&1 && rmqctl -q await_startup --timeout 5 >/dev/null 2>&1; }
es_health() { curl -sf --max-time 10 "http://$HOST:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=${1:-5s}" 2>/dev/null; }
# (no `cmd | grep -q` under pipefail: an early grep exit can fail the pipe with SIGPIPE)
es_up()     { local h; h="$(es_health 1s || true)"; [[ "$h" =~ \"status\":\"(green|yellow)\" ]]; }

# ===================================================================================
# install
# ===================================================================================

pkg_installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]; }

install_packages() {
  local want=(mariadb-server redis-server rabbitmq-server unzip curl) missing=() p
  command -v mvn >/dev/null 2>&1 || want+=(maven)
  for p in "${want[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    # Keep the packages' init scripts from starting their own instances (on /var/lib/mysql,
    # port 3306...) during the install: we run our own. Docker-style images already have
    # this policy file; elsewhere add it just for the install.
    local policy=/usr/sbin/policy-rc.d added_policy=
    if [[ ! -e "$policy" ]]; then
      printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && added_policy=1
    fi
    local rc=0
    { apt-get update -q && apt-get install -y -q "${missing[@]}"; } >&2 || rc=$?
    if [[ -n "$added_policy" ]]; then rm -f "$policy"; fi
    (( rc == 0 )) || die "apt-get failed (exit $rc)"
  fi
}

install_elasticsearch() {
  if [[ ! -x "$ES_HOME/bin/elasticsearch" ]]; then
    if [[ ! -s "$ES_ZIP" ]]; then
      log "downloading Elasticsearch $ES_VERSION from Maven Central"
      mkdir -p "$ES_CACHE"
      # Run Maven from an empty dir so no project pom / .mvn config gets in the way.
      local tmp; tmp="$(mktemp -d)"
      (cd "$tmp" && mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="$ES_ARTIFACT" \
          -DoutputDirectory="$ES_CACHE" >&2) || { rm -rf "$tmp"; die "Elasticsearch download failed"; }
      rm -rf "$tmp"
      [[ -s "$ES_ZIP" ]] || die "expected $ES_ZIP after download"
    fi
    log "unpacking Elasticsearch into $ES_HOME"
    mkdir -p "$ES_BASE"
    # Unpack to a temp dir and move, so an interrupted unzip never looks complete.
    local tmp; tmp="$(mktemp -d "$ES_BASE/unzip.XXXXXX")"
    unzip -q "$ES_ZIP" -d "$tmp"
    rm -rf "$ES_HOME"
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$tmp"
  fi
  # ES refuses to run as root.
  if ! getent passwd elasticsearch >/dev/null; then
    log "creating system user elasticsearch"
    useradd --system --home-dir "$ES_BASE" --no-create-home --shell /usr/sbin/nologin \
      --user-group elasticsearch
  fi
}

# ===================================================================================
# layout: everything lives under .run, owned by the user of each daemon
# ===================================================================================

prepare_dirs() {
  mkdir -p "$RUN" "$LOGS" "$DB_DATA" "$DB_RUNDIR" "$REDIS_DIR" \
           "$RMQ_DIR/mnesia" "$RMQ_DIR/log" "$ES_BASE/data" "$ES_BASE/logs"
  chmod 755 "$RUN" "$LOGS"      # root-owned; daemons log to stdout, opened by root
  ensure_traversable
  chown -R mysql:mysql "$DB_DATA" "$DB_RUNDIR"
  chmod 750 "$DB_DATA"
  chmod 755 "$DB_RUNDIR"         # clients (root, tests) reach the socket
  chown -R redis:redis "$REDIS_DIR"
  chown -R rabbitmq:rabbitmq "$RMQ_DIR"
  chown -R elasticsearch:elasticsearch "$ES_BASE"
  # The Erlang cookie is created by the server under its HOME on first start.
  mkdir -p "$RMQ_HOME" && chown rabbitmq:rabbitmq "$RMQ_HOME"
}

# ===================================================================================
# start (launch everything first, then wait: RabbitMQ and ES boot in parallel)
# ===================================================================================

REUSED=()
reuse()     { REUSED+=("$1"); log "$1 already running, reusing it"; }
is_reused() { [[ " ${REUSED[*]} " == *" $1 "* ]]; }

launch_mariadb() {
  if db_ping; then reuse mariadb; return; fi
  if [[ ! -d "$DB_DATA/mysql" ]]; then
    log "initialising MariaDB datadir $DB_DATA"
    # --no-defaults: ignore /etc/mysql (its datadir/socket point at the package's instance).
    mariadb-install-db --no-defaults --user=mysql --datadir="$DB_DATA" \
      --auth-root-authentication-method=socket --skip-test-db >>"$LOGS/mariadb-install.log" 2>&1 \
      || fail_with_log "mariadb-install-db failed" "$LOGS/mariadb-install.log"
  fi
  log "starting MariaDB on $HOST:$DB_PORT (socket $DB_SOCK)"
  launch mariadb "$LOGS/mariadb.log" mariadbd --no-defaults --user=mysql --datadir="$DB_DATA" \
    --socket="$DB_SOCK" --pid-file="$DB_PID" --bind-address="$HOST" --port="$DB_PORT" \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size="${CHAT_DB_BUFFER_POOL:-2G}" \
    --thread-handling=pool-of-threads
}

launch_redis() {
  if redis_ping; then reuse redis; return; fi
  log "starting Redis on $HOST:$REDIS_PORT"
  # Persistent as in docker-compose.yml: AOF fsynced every second, so counters and pending copies survive a
  # restart (a crash may lose the last second: Redis can come back behind what was acknowledged).
  launch redis "$LOGS/redis.log" runuser -u redis -- redis-server --bind "$HOST" --port "$REDIS_PORT" \
    --save '' --appendonly yes --appendfsync everysec --dir "$REDIS_DIR" --pidfile "$REDIS_PID" --daemonize no
}

launch_rabbitmq() {
  if rmq_up; then reuse rabbitmq; return; fi
  log "starting RabbitMQ on $HOST:$RABBIT_PORT (node $RMQ_NODE)"
  # ERL_EPMD_ADDRESS keeps epmd on loopback; inet_dist_use_interface does the same for
  # the Erlang distribution port (25672), which otherwise listens on all interfaces.
  launch rabbitmq "$LOGS/rabbitmq.log" runuser -u rabbitmq -- env \
    HOME="$RMQ_HOME" \
    RABBITMQ_NODENAME="$RMQ_NODE" \
    RABBITMQ_NODE_IP_ADDRESS="$HOST" \
    RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    ERL_EPMD_ADDRESS="$HOST" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" \
    RABBITMQ_LOG_BASE="$RMQ_DIR/log" \
    RABBITMQ_PID_FILE="$RMQ_PID" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
}

launch_elasticsearch() {
  if es_up; then reuse elasticsearch; return; fi
  local jh; jh="$(es_java_home)"
  log "starting Elasticsearch $ES_VERSION on $HOST:$ES_PORT (java $jh)"
  rm -f "$ES_PID"
  # disk threshold off: a fullish disk must not turn the indices read-only. CHAT_ES_NICE (default 0) lets
  # Elasticsearch yield the CPU to the API on a shared machine; it slows searches as much as indexing.
  launch elasticsearch "$LOGS/elasticsearch.log" nice -n "${CHAT_ES_NICE:-0}" runuser -u elasticsearch -- env \
    ES_JAVA_HOME="$jh" ES_JAVA_OPTS="$ES_HEAP_OPTS" \
    "$ES_HOME/bin/elasticsearch" -p "$ES_PID" \
    -Ediscovery.type=single-node -Expack.security.enabled=false \
    -Enetwork.host="$HOST" -Ehttp.port="$ES_PORT" \
    -Ecluster.routing.allocation.disk.threshold_enabled=false \
    -Epath.data="$ES_BASE/data" -Epath.logs="$ES_BASE/logs"
}

# wait_for NAME SECONDS LOGFILE CHECK... : poll CHECK until it succeeds or time runs out.
wait_for() {
  local name="$1" secs="$2" logfile="$3"; shift 3
  local start=$SECONDS
  if is_reused "$name"; then return 0; fi
  local pid="${LAUNCHED[$name]:-}"
  until "$@"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      fail_with_log "$name exited during startup" "$logfile"
    fi
    (( SECONDS - start < secs )) || fail_with_log "$name did not answer within ${secs}s" "$logfile"
    sleep 1
  done
  log "$name is up ($((SECONDS - start))s)"
}

rmq_await() { rmqctl -q await_startup --timeout 30 >/dev/null 2>&1; }

provision_mariadb() {
  # Idempotent: IF NOT EXISTS everywhere, passwords re-set every time.
  db_root <<'SQL'
DROP USER IF EXISTS ''@'localhost';
CREATE DATABASE IF NOT EXISTS chat      CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS chat_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'chat'@'127.0.0.1' IDENTIFIED BY 'chat';
CREATE USER IF NOT EXISTS 'chat'@'localhost' IDENTIFIED BY 'chat';
ALTER USER 'chat'@'127.0.0.1' IDENTIFIED BY 'chat';
ALTER USER 'chat'@'localhost' IDENTIFIED BY 'chat';
GRANT ALL PRIVILEGES ON chat.*      TO 'chat'@'127.0.0.1', 'chat'@'localhost';
GRANT ALL PRIVILEGES ON chat_test.* TO 'chat'@'127.0.0.1', 'chat'@'localhost';
-- Tests create a throwaway database each (chat_it_..., chat_sys_...), so runs never see each other's data.
GRANT ALL PRIVILEGES ON `chat\_%`.* TO 'chat'@'127.0.0.1', 'chat'@'localhost';
FLUSH PRIVILEGES;
SQL
}

provision_rabbitmq() {
  # The default guest user is left as it is.
  local users vhosts
  users="$(rmqctl -q list_users | awk '{print $1}')"
  vhosts="$(rmqctl -q list_vhosts)"
  if grep -qx chat <<<"$users"; then
    rmqctl -q change_password chat chat >/dev/null
  else
    rmqctl -q add_user chat chat >/dev/null
  fi
  # chat_test (system tests) and chat_it (adapter tests) keep the suite's queues away from a platform
  # running on the same broker, and from each other.
  local vhost
  for vhost in chat chat_test chat_it; do
    if ! grep -qx "$vhost" <<<"$vhosts"; then
      rmqctl -q add_vhost "$vhost" >/dev/null
    fi
    rmqctl -q set_permissions -p "$vhost" chat '.*' '.*' '.*' >/dev/null
  done
}

cmd_start() {
  [[ $EUID -eq 0 ]] || die "run as root (installs packages and runs daemons as their users)"
  local t0=$SECONDS
  install_packages
  install_elasticsearch
  prepare_dirs

  launch_mariadb
  launch_redis
  launch_rabbitmq
  launch_elasticsearch

  wait_for mariadb        60 "$LOGS/mariadb.log"       db_ping
  wait_for redis          30 "$LOGS/redis.log"         redis_ping
  wait_for rabbitmq      120 "$LOGS/rabbitmq.log"      rmq_await
  wait_for elasticsearch 120 "$LOGS/elasticsearch.log" es_up

  provision_mariadb
  provision_rabbitmq
  log "provisioned MariaDB databases chat, chat_test and RabbitMQ vhosts chat, chat_test, chat_it"

  print_env > "$RUN/env"
  log "all services up in $((SECONDS - t0))s; env written to $RUN/env"
}

# ===================================================================================
# env / stop / status
# ===================================================================================

print_env() {
  local kv=(
    "CHAT_DB_URL=jdbc:mysql://$HOST:$DB_PORT/chat"
    "CHAT_DB_USER=chat"
    "CHAT_DB_PASSWORD=chat"
    "CHAT_TEST_DB_URL=jdbc:mysql://$HOST:$DB_PORT/chat_test"
    "CHAT_TEST_RABBIT_VHOST=chat_test"
    "CHAT_IT_RABBIT_VHOST=chat_it"
    "CHAT_REDIS_HOST=$HOST"
    "CHAT_REDIS_PORT=$REDIS_PORT"
    "CHAT_RABBIT_HOST=$HOST"
    "CHAT_RABBIT_PORT=$RABBIT_PORT"
    "CHAT_RABBIT_USER=chat"
    "CHAT_RABBIT_PASSWORD=chat"
    "CHAT_RABBIT_VHOST=chat"
    "CHAT_ES_URL=http://$HOST:$ES_PORT"
  )
  printf 'export %s\n' "${kv[@]}"
}

cmd_stop() {
  # Each step tolerates the service being already stopped.
  if pid_alive "$DB_PID" mariadbd; then
    log "stopping MariaDB"
    mariadb-admin -uroot --socket="$DB_SOCK" shutdown >/dev/null 2>&1 || kill "$(cat "$DB_PID")" 2>/dev/null || true
    wait_pid_gone "$DB_PID" 60
  else
    log "MariaDB not running"
  fi

  if pid_alive "$REDIS_PID" redis-server; then
    log "stopping Redis"
    redis-cli -h "$HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$REDIS_PID")" 2>/dev/null || true
    wait_pid_gone "$REDIS_PID" 30
  else
    log "Redis not running"
  fi

  if pid_alive "$RMQ_PID" beam; then
    log "stopping RabbitMQ"
    rmqctl -q shutdown >/dev/null 2>&1 || kill "$(cat "$RMQ_PID")" 2>/dev/null || true
    wait_pid_gone "$RMQ_PID" 60
  else
    log "RabbitMQ not running"
  fi
  # epmd (Erlang port mapper, loopback only) is left running on purpose: it is shared
  # by any Erlang node and costs nothing.

  if pid_alive "$ES_PID" java; then
    log "stopping Elasticsearch"
    kill "$(cat "$ES_PID")" 2>/dev/null || true
    wait_pid_gone "$ES_PID" 60
  else
    log "Elasticsearch not running"
  fi
}

cmd_status() {
  line() { printf '%-14s %-5s %s\n' "$1" "$2" "$3"; }
  if db_ping;    then line mariadb up "$HOST:$DB_PORT"; else line mariadb down "$HOST:$DB_PORT"; fi
  if redis_ping; then line redis up "$HOST:$REDIS_PORT"; else line redis down "$HOST:$REDIS_PORT"; fi
  if rmq_up;     then line rabbitmq up "$HOST:$RABBIT_PORT"; else line rabbitmq down "$HOST:$RABBIT_PORT"; fi
  if es_up;      then line elasticsearch up "$HOST:$ES_PORT"; else line elasticsearch down "$HOST:$ES_PORT"; fi
}

case "${1:-start}" in
  start)  cmd_start >&2; print_env ;;   # only the exports reach stdout
  stop)   cmd_stop ;;
  status) cmd_status ;;
  env)    print_env ;;
  *)      echo "usage: $0 [start|stop|status|env]" >&2; exit 2 ;;
esac
