#!/usr/bin/env bash
# Fills the running platform with a realistic data set: one new application (created through the API),
# 100,000 contacts with a 1:1 chat each, 3,000 group chats and 5,000,000 messages by default, bulk-loaded
# into MySQL, Elasticsearch and Redis as the worker would have written them, then verified.
#   scripts/dataset.sh [--contacts N] [--group-chats N] [--messages N] [--content-csv FILE] [--small] [--seed S]
# --small: 2,000 contacts, 100 group chats, 100,000 messages. Writes .run/dataset.env and
# .run/dataset-queries.tsv for the benchmarks. Uses the same CHAT_* environment as the API
# (scripts/services.sh env); the API must be up (CHAT_DATASET_API, default http://localhost:$CHAT_API_PORT).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/dataset/target/chat-dataset.jar"

# shellcheck source=scripts/java-env.sh
source "$ROOT/scripts/java-env.sh"
if [[ -z "${CHAT_DB_URL:-}" ]]; then
  eval "$("$ROOT/scripts/services.sh" env)"
fi
if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT" -path "$ROOT/.run" -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.txt' -o -name pom.xml \) -path '*/src/main/*' -newer "$JAR" -print -quit)" ]]; then
  echo "[dataset] building the generator's jar (mvn package, tests skipped)" >&2
  rm -f "$JAR" # else repackage keeps the bundled modules of the previous build (see platform.sh)
  (cd "$ROOT" && mvn -B -q -DskipTests -pl dataset -am package)
fi
CSV_ARGS=()
ARGS=()
while (($#)); do
  case "$1" in
    # A relative CSV path is relative to where the script was called, not to the project.
    --content-csv) CSV_ARGS=(--content-csv "$(readlink -f "$2")"); shift 2 ;;
    --content-csv=*) CSV_ARGS=(--content-csv "$(readlink -f "${1#*=}")"); shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
cd "$ROOT"
exec "$JAVA_HOME/bin/java" -Xms512m -Xmx${CHAT_DATASET_HEAP:-1g} -jar "$JAR" --out "$ROOT/.run" "${ARGS[@]}" "${CSV_ARGS[@]}"
