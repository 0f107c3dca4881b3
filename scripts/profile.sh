#!/usr/bin/env bash
# CPU profile of the running API or worker with Java Flight Recorder (no agent, no restart).
#   scripts/profile.sh start api|worker NAME     starts a recording
#   scripts/profile.sh stop  api|worker NAME     stops it, writes .run/bench/NAME.jfr and prints where the
#                                                CPU went: by top frame, and by the first frame of our own code
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/java-env.sh
source "$ROOT/scripts/java-env.sh"
action=${1:?start|stop}; process=${2:?api|worker}; name=${3:?name}
pid="$(cat "$ROOT/.run/$process.pid")"
out="$ROOT/.run/bench"; mkdir -p "$out"
case "$action" in
  start)
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name="$name" settings=profile >/dev/null
    ;;
  stop)
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name="$name" filename="$out/$name.jfr" >/dev/null
    "$JAVA_HOME/bin/jfr" print --json --stack-depth 64 --events jdk.ExecutionSample "$out/$name.jfr" \
      | python3 "$ROOT/scripts/jfr-top.py" "$name" >"$out/$name.txt"
    cat "$out/$name.txt"
    ;;
  *) echo "usage: $0 start|stop api|worker NAME" >&2; exit 2 ;;
esac
