#!/usr/bin/env bash
# The write path's dead letters (queue chat.writes.dead, docs/operations.md#dead-letters):
#   scripts/dead-letters.sh count      messages waiting in chat.writes.dead (a message is one command, or an
#                                      envelope of several that the broker dead-lettered whole)
#   scripts/dead-letters.sh peek [N]   the first N (default 5): where each came from, why, and its body; nothing
#                                      is removed (they are fetched unacknowledged and returned to the queue)
#   scripts/dead-letters.sh replay     moves every dead letter back to the exchange chat.writes, which routes it
#                                      by its key to its persist queue (chat.writes.persist.<partition>, or the
#                                      unpartitioned chat.writes.persist for an older version's): the worker
#                                      applies it again
#
# Replaying is safe: the worker's writes are idempotent (upserts that keep the newer updated_at, receipts
# merged forward, a reaction's event id applied once), and a message it persists goes on to the index queue,
# so a dead letter from chat.writes.index is indexed again the same way. A command that fails again comes
# back to chat.writes.dead: the replay moves only what was there when it started (a RabbitMQ shovel with
# src-delete-after: queue-length, ack-mode: on-confirm), so it cannot loop and loses nothing on the way.
#
# Talks to the broker with rabbitmqctl only (no management plugin, no client library; peek runs a few lines of
# Erlang in the broker with the amqp_client it ships) and enables the rabbitmq_shovel plugin when needed.
#   CHAT_RABBIT_VHOST   the vhost (default chat)
#   CHAT_RABBIT_CLI     how to reach the broker's CLI tools: unset = the broker scripts/services.sh runs (node
#                       rabbit@localhost, as the rabbitmq user); with compose: CHAT_RABBIT_CLI="docker compose exec -T rabbitmq"
set -euo pipefail

VHOST=${CHAT_RABBIT_VHOST:-chat}
# Names as infra's WriteTopology declares them.
DEAD_QUEUE=chat.writes.dead
PERSIST_QUEUES='^chat\.writes\.persist(\.[0-9]+)?$'
WRITE_EXCHANGE=chat.writes
SHOVEL=chat-dead-letters-replay
NODE=${CHAT_RABBIT_NODE:-rabbit@localhost}

log() { echo "[dead-letters] $*" >&2; }
die() { echo "[dead-letters] ERROR: $*" >&2; exit 1; }

# rabbitmqctl / rabbitmq-plugins of the local broker run as the rabbitmq user with its HOME (the Erlang cookie),
# as scripts/services.sh runs them; through CHAT_RABBIT_CLI (e.g. a container) they run as given.
rmq_tool() {
  local tool=$1; shift
  if [[ -n "${CHAT_RABBIT_CLI:-}" ]]; then
    # shellcheck disable=SC2086
    ${CHAT_RABBIT_CLI} "$tool" "$@"
  else
    [[ $EUID -eq 0 ]] || die "run as root (rabbitmqctl runs as the rabbitmq user), or set CHAT_RABBIT_CLI"
    runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq RABBITMQ_NODENAME="$NODE" ERL_EPMD_ADDRESS=127.0.0.1 \
      "/usr/lib/rabbitmq/bin/$tool" -n "$NODE" "$@"
  fi
}
rmqctl() { rmq_tool rabbitmqctl "$@"; }

# The vhost as an AMQP URI path segment (a shovel's amqp:// URI without a host: the local node, directly).
uri_vhost() {
  local s=$1 out= c i
  for (( i = 0; i < ${#s}; i++ )); do
    c=${s:i:1}
    if [[ "$c" =~ [A-Za-z0-9._~-] ]]; then out+=$c; else out+=$(printf '%%%02X' "'$c"); fi
  done
  echo "$out"
}

queue_field() { # queue field: one column of list_queues for one queue, empty when the queue does not exist
  rmqctl -q list_queues -p "$VHOST" name "$2" | awk -F'\t' -v q="$1" '$1 == q { print $2 }'
}

persist_backlog() { # messages waiting in every persist queue, together
  rmqctl -q list_queues -p "$VHOST" name messages | PERSIST_QUEUES="$PERSIST_QUEUES" \
    awk -F'\t' '$1 ~ ENVIRON["PERSIST_QUEUES"] { n += $2 } END { print n + 0 }'
}

dead_count() {
  local n; n=$(queue_field "$DEAD_QUEUE" messages)
  [[ -n "$n" ]] || die "no queue $DEAD_QUEUE in vhost $VHOST (has the API or the worker ever run against it?)"
  echo "$n"
}

ensure_shovel_plugin() {
  local enabled; enabled=$(rmq_tool rabbitmq-plugins -q list -e -m rabbitmq_shovel)
  if ! grep -qx rabbitmq_shovel <<<"$enabled"; then
    log "enabling the rabbitmq_shovel plugin (it opens no port)"
    rmq_tool rabbitmq-plugins -q enable rabbitmq_shovel >/dev/null
  fi
}

cmd_count() {
  dead_count
}

cmd_peek() {
  local n=${1:-5}
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "peek N: N must be a positive number"
  dead_count >/dev/null
  ensure_shovel_plugin # brings the amqp_client application the Erlang below uses
  # basic.get without ack on a direct (in-broker) connection, then closing the channel: the broker returns
  # every fetched message to the queue (the dead-letter queue has no delivery limit; only its x-delivery-count
  # header grows).
  local erl
  erl=$(cat <<ERL
Q = <<"$DEAD_QUEUE">>, N = $n,
Utf8 = fun (B) -> is_binary(unicode:characters_to_binary(B)) end,
Text = fun (V) when is_binary(V) -> case Utf8(V) of true -> V; false -> io_lib:format("~p", [V]) end;
           (V) -> io_lib:format("~p", [V]) end,
Field = fun ({K, table, T}) -> [K, "={", lists:join(", ", [[K2, "=", Text(V2)] || {K2, _, V2} <- T]), "}"];
            ({K, array, Vs}) -> [K, "=[", lists:join("; ", [case V of {table, T} -> lists:join(", ", [[K2, "=", Text(V2)] || {K2, _, V2} <- T, K2 =/= <<"routing-keys">>]); {_, V1} -> Text(V1) end || V <- Vs]), "]"];
            ({K, _, V}) -> [K, "=", Text(V)] end,
{ok, Conn} = amqp_connection:start({amqp_params_direct, none, none, <<"$VHOST">>, node(), none, []}),
{ok, Ch} = amqp_connection:open_channel(Conn),
Get = fun Get(0, Acc) -> lists:reverse(Acc);
          Get(K, Acc) ->
              case amqp_channel:call(Ch, {'basic.get', 0, Q, false}) of
                  {{'basic.get_ok', _, _, Ex, Key, _}, {amqp_msg, Props, Body}} -> Get(K - 1, [{Ex, Key, Props, Body} | Acc]);
                  _Empty -> lists:reverse(Acc)
              end end,
Msgs = Get(N, []),
amqp_channel:close(Ch), amqp_connection:close(Conn),
Show = fun ({I, {Ex, Key, Props, Body}}) ->
           Headers = case element(4, Props) of undefined -> []; H -> H end,
           Cut = case byte_size(Body) > 4000 of true -> [Text(binary:part(Body, 0, 4000)), " ... (", integer_to_list(byte_size(Body)), " bytes)"]; false -> Text(Body) end,
           io:format("--- ~b: exchange=~ts routing_key=~ts~n~ts~ts~n", [I, Ex, Key, [["  ", Field(F), "\n"] || F <- Headers], Cut])
       end,
lists:foreach(Show, lists:zip(lists:seq(1, length(Msgs)), Msgs)),
io:format("--- ~b shown~n", [length(Msgs)]).
ERL
)
  # The last line is eval's own result (ok).
  rmqctl -q eval "$erl" | sed '$d'
}

shovel_defined() {
  rmqctl -q list_parameters -p "$VHOST" | awk -F'\t' -v s="$SHOVEL" '$1 == "shovel" && $2 == s { found = 1 } END { exit !found }'
}

cmd_replay() {
  local before; before=$(dead_count)
  if (( before == 0 )); then
    log "nothing to replay: $DEAD_QUEUE is empty"
    return 0
  fi
  local exchanges; exchanges=$(rmqctl -q list_exchanges -p "$VHOST" name)
  grep -qx "$WRITE_EXCHANGE" <<<"$exchanges" \
    || die "no exchange $WRITE_EXCHANGE in vhost $VHOST: start the API or the worker once, they declare it"
  if shovel_defined; then
    die "a replay is already running (shovel $SHOVEL in vhost $VHOST); wait for it, or remove it with: rabbitmqctl clear_parameter -p $VHOST shovel $SHOVEL"
  fi
  ensure_shovel_plugin
  local vh; vh=$(uri_vhost "$VHOST")
  # No dest-exchange-key: each message keeps its routing key (a command's kind and partition, "commands.<p>"
  # for an envelope, or the queue the worker dead-lettered it from), and chat.writes routes each key to the
  # persist queue it came from (a key ends with its partition; an older version's one-word keys go to the
  # unpartitioned queue). Its
  # properties travel unchanged: the chat-commands header of an envelope, persistence, the dead-letter
  # headers (x-death, chat-dead-letter-queue, chat-dead-letter-reason) as a record of its history.
  local definition
  definition=$(printf '{"src-protocol":"amqp091","src-uri":"amqp:///%s","src-queue":"%s","src-delete-after":"queue-length","dest-protocol":"amqp091","dest-uri":"amqp:///%s","dest-exchange":"%s","ack-mode":"on-confirm"}' \
    "$vh" "$DEAD_QUEUE" "$vh" "$WRITE_EXCHANGE")
  log "replaying $before dead letters from $DEAD_QUEUE to exchange $WRITE_EXCHANGE (vhost $VHOST)"
  rmqctl -q set_parameter -p "$VHOST" shovel "$SHOVEL" "$definition" >/dev/null
  # The shovel deletes itself once it has moved the messages the queue held when it started.
  local deadline=$((SECONDS + ${CHAT_DEAD_LETTERS_TIMEOUT:-300}))
  while shovel_defined; do
    if (( SECONDS >= deadline )); then
      rmqctl -q shovel_status >&2 || true
      die "the replay has not finished after ${CHAT_DEAD_LETTERS_TIMEOUT:-300}s; it goes on (shovel $SHOVEL); status above"
    fi
    sleep 1
  done
  local after; after=$(dead_count)
  log "done: $DEAD_QUEUE holds $after now (commands that failed again, or new ones); the persist queues hold $(persist_backlog)"
}

case "${1:-}" in
  count)  cmd_count ;;
  peek)   cmd_peek "${2:-5}" ;;
  replay) cmd_replay ;;
  *)      echo "usage: $0 count | peek [N] | replay   (vhost \$CHAT_RABBIT_VHOST, default chat)" >&2; exit 2 ;;
esac
