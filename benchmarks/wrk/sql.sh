# Sourced by the benchmark scripts: sql 'STATEMENT' runs one statement against the platform's database
# (the CHAT_DB_* environment, scripts/services.sh env) and prints its rows, tab-separated, without a header.
# shellcheck shell=bash
sql() { mysql -N -B -h"${CHAT_DB_HOST:-127.0.0.1}" -P"${CHAT_DB_PORT:-3306}" -u"${CHAT_DB_USER:-chat}" \
  -p"${CHAT_DB_PASSWORD:-chat}" "${CHAT_DB_NAME:-chat}" -e "$1"; }
