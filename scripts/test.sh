#!/usr/bin/env bash
# The whole test suite on a bare machine: installs and starts the services it needs (scripts/services.sh),
# then runs every unit, integration and system test (mvn verify). Where Docker runs, the integration tests
# may use Testcontainers instead; here they use the services on 127.0.0.1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=scripts/java-env.sh
source scripts/java-env.sh
envs="$(scripts/services.sh start)" || { echo "services failed to start" >&2; exit 1; }
eval "$envs"

# docker-compose (Debian's 1.29) validates docker-compose.yml offline; ComposeFileIT runs it.
# Debian's chromium and chromium-driver run the web console in a headless browser; ConsoleIT drives them
# (a test tool's own browser download cannot work on these machines, Debian's packages do).
apt_updated=
apt_install() {
  [[ -n "$apt_updated" ]] || { apt-get update -qq && apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! command -v docker-compose >/dev/null 2>&1; then
  apt_install docker-compose
fi
# Debian's prometheus (with promtool): ObservabilityIT scrapes both processes with it and checks that every
# dashboard query and alert rule of docker/observability answers.
if [[ ! -x /usr/bin/prometheus || ! -x /usr/bin/promtool ]]; then
  apt_install prometheus || echo "WARNING: could not install prometheus: ObservabilityIT's Prometheus test will be skipped" >&2
fi
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  apt_install chromium chromium-driver \
    || echo "WARNING: could not install chromium and chromium-driver: ConsoleIT will be skipped" >&2
fi

mvn -B verify "$@"

# The benchmarks' smoke run (issue 5), so they cannot rot: the platform on this machine, a tiny data set
# made through the API, a few seconds per step at low rates. It fails if a step fails or reports no figures;
# it asserts no timing. The platform is stopped afterwards only if this script started it.
platform_status="$(scripts/platform.sh status || true)"
if ! grep -q '^api: up' <<<"$platform_status"; then
  started_platform=1
fi
scripts/platform.sh start
smoke="$ROOT/.run/smoke"
rm -rf "$smoke"; mkdir -p "$smoke"
CHAT_BENCH_DATASET="$smoke/dataset.env" CHAT_BENCH_QUERIES="$smoke/dataset-queries.tsv" \
  CHAT_BENCH_API="http://localhost:${CHAT_API_PORT:-8080}" scripts/benchmark.sh --smoke || smoke_failed=1
if [[ -n "${smoke_failed:-}" ]]; then
  # What the next session needs to find the cause: the processes' last lines and any thread dump the API's
  # CarrierWatchdog wrote (it writes one when its virtual threads stop running), then the live threads.
  for name in api worker; do
    echo "--- last lines of .run/logs/$name.log" >&2; tail -n 60 "$ROOT/.run/logs/$name.log" >&2 || true
  done
  api_pid="$(cat "$ROOT/.run/api.pid" 2>/dev/null || true)"
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    jcmd "$api_pid" Thread.dump_to_file "$ROOT/.run/logs/threads-$api_pid-at-failure.txt" >/dev/null 2>&1 || true
  fi
  for dump in "$ROOT"/.run/logs/threads-*.txt; do
    [[ -f "$dump" ]] || continue
    echo "--- $dump (the API's threads; first 800 lines)" >&2; head -n 800 "$dump" >&2
  done
  if [[ -n "${started_platform:-}" ]]; then scripts/platform.sh stop; fi
  exit 1
fi
if [[ -n "${started_platform:-}" ]]; then scripts/platform.sh stop; fi
