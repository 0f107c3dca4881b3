# Sourced by the drain scripts: consumers paused|running pauses or resumes the running worker's consumption of the
# write queues (its consumers actuator endpoint, ConsumersEndpoint), on CHAT_WORKER_PORT.
# shellcheck shell=bash
consumers() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"state\":\"$1\"}" \
    "http://127.0.0.1:${CHAT_WORKER_PORT:-8081}/actuator/consumers" >/dev/null
}
