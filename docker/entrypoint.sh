#!/bin/sh
# Starts the API or the worker from the one jar (PropertiesLauncher picks the class from loader.main).
set -e
case "$CHAT_ROLE" in
  api) main=dev.chatplatform.api.ApiApplication ;;
  worker) main=dev.chatplatform.worker.WorkerApplication ;;
  *) echo "CHAT_ROLE must be api or worker, not '$CHAT_ROLE'" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
exec java $JAVA_OPTS -Dloader.main="$main" -jar /app/chat-platform.jar
