#!/usr/bin/env bash
# Profiles the running API or worker with async-profiler (Maven Central tools.profiler:async-profiler, loaded
# into the running JVM through jcmd: no agent flag, no restart).
#   scripts/profile.sh start api|worker NAME [cpu|wall|alloc]   starts profiling (cpu: on-CPU samples; wall:
#                                                          every thread every 5 ms, running or waiting; alloc:
#                                                          heap allocations, sampled every 512 KiB, by bytes)
#   scripts/profile.sh stop  api|worker NAME               stops, writes .run/bench/NAME.collapsed (folded
#                                                          stacks, per thread) and NAME.html (flame graph), and
#                                                          prints where the samples went (scripts/profile-top.py)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/java-env.sh
source "$ROOT/scripts/java-env.sh"
action=${1:?start|stop}; process=${2:?api|worker}; name=${3:?name}; mode=${4:-cpu}
pid="$(cat "$ROOT/.run/$process.pid")"
out="$ROOT/.run/bench"; mkdir -p "$out"
AP_VERSION=4.2
AP_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
AP_LIB="$ROOT/.run/async-profiler-$AP_VERSION/libasyncProfiler.so"

library() {
  if [[ ! -f "$AP_LIB" ]]; then
    [[ -f "$AP_JAR" ]] || mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION" >&2
    mkdir -p "$(dirname "$AP_LIB")"
    unzip -o -q -j "$AP_JAR" "linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')/libasyncProfiler.so" -d "$(dirname "$AP_LIB")"
  fi
}

# jcmd reads key=value pairs itself: the profiler's options go through quoted, as one argument.
profiler() { "$JAVA_HOME/bin/jcmd" "$pid" JVMTI.agent_load "$AP_LIB" "\"$1\"" >/dev/null; }

case "$action" in
  start)
    library
    case "$mode" in
      cpu) profiler "start,event=cpu,interval=1ms,threads" ;;
      wall) profiler "start,event=wall,interval=5ms,threads" ;;
      alloc) profiler "start,event=alloc,alloc=512k,threads" ;;
      *) echo "mode: cpu, wall or alloc" >&2; exit 2 ;;
    esac
    ;;
  stop)
    profiler "dump,file=$out/$name.collapsed,collapsed"
    profiler "stop,file=$out/$name.html,flamegraph"
    python3 "$ROOT/scripts/profile-top.py" "$name" <"$out/$name.collapsed" >"$out/$name.txt"
    cat "$out/$name.txt"
    ;;
  *) echo "usage: $0 start|stop api|worker NAME [cpu|wall|alloc]" >&2; exit 2 ;;
esac
