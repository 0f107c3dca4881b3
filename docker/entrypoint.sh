#!/bin/sh
# Starts the API or the worker: each process has its own boot jar in the image.
set -e
case "$CHAT_ROLE" in
  api|worker) ;;
  *) echo "CHAT_ROLE must be api or worker, not '$CHAT_ROLE'" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
exec java $JAVA_OPTS -jar "/app/chat-$CHAT_ROLE.jar"
