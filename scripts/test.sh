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
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  apt_install chromium chromium-driver \
    || echo "WARNING: could not install chromium and chromium-driver: ConsoleIT will be skipped" >&2
fi

mvn -B verify "$@"
