# Sourced by the wrk runners: the stack's processes and their CPU so far, to report what a run cost each.
#   ticks PID          utime + stime of a process, in clock ticks
#   PIDS[name]         api, worker, rabbitmq, elasticsearch, redis, mariadb
#   BEFORE[name]       their ticks when this file was sourced
# shellcheck shell=bash disable=SC2034
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
declare -A PIDS=(
  [api]=$(cat "$ROOT/.run/api.pid")
  [worker]=$(cat "$ROOT/.run/worker.pid")
  [rabbitmq]=$(pgrep -f 'beam.smp' | head -1)
  [elasticsearch]=$(pgrep -f 'org.elasticsearch.bootstrap.Elasticsearch' | head -1)
  [redis]=$(pgrep -x redis-server | head -1)
  [mariadb]=$(pgrep -x mariadbd | head -1)
)
declare -A BEFORE
for name in "${!PIDS[@]}"; do BEFORE[$name]=$(ticks "${PIDS[$name]}"); done
