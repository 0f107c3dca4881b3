package dev.chatplatform.infra.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that names the write path's exchanges, queues and routing keys. The API's publisher
 * and the worker's listeners both read them from here.
 *
 * <pre>
 * chat.writes (topic) --#.p--> chat.writes.persist.p, p = 0..N-1 (quorum, delivery limit, single active consumer)
 *                                  --> MySQL; the worker, what it persisted --> chat.writes.index (quorum) --> Elasticsearch
 * rejected / over the delivery limit --> chat.writes.dead-letter (fanout) --> chat.writes.dead
 * </pre>
 * A message is one command, or an envelope of several ({@link #COMMANDS_KEY}, {@link #COMMANDS_HEADER}).
 * Indexing has its own queue so an Elasticsearch outage only grows that queue: persistence goes on.
 * <p>
 * Persistence is partitioned (issue 11): a chat's commands (the chat, its messages, reactions, receipts) all go to
 * one of N persist queues, chosen by {@link #partition}, and a user's commands to one chosen by its id; the worker
 * persists each partition on its own thread, so several cores persist while each chat's commands stay in order.
 * The routing key is the command's kind and its partition ({@code message.1}, {@code commands.0} for an
 * envelope); a queue takes every key that ends with its partition, which also routes a command the worker
 * dead-lettered alone (its key is the queue's name) back to its queue on a replay. The unpartitioned
 * {@link #PERSIST_QUEUE} of earlier versions keeps the one-word keys they send (an older API during a rolling
 * upgrade) and the worker drains it too.
 */
public final class WriteTopology {

    public static final String EXCHANGE = "chat.writes";
    /** The persist queue before partitioning: an older API's one-word keys still reach it, and the worker drains it. */
    public static final String PERSIST_QUEUE = "chat.writes.persist";
    public static final String INDEX_QUEUE = "chat.writes.index";
    public static final String DEAD_LETTER_EXCHANGE = "chat.writes.dead-letter";
    public static final String DEAD_LETTER_QUEUE = "chat.writes.dead";

    public static final String CHAT_KEY = "chat";
    public static final String MESSAGE_KEY = "message";
    public static final String USER_KEY = "user";
    public static final String REACTION_KEY = "reaction";
    public static final String RECEIPT_KEY = "receipt";

    /**
     * Several commands in one AMQP message ({@link WriteCodec#envelope}): the API's publisher sends what
     * concurrent requests wrote together, with one confirm, and the worker hands a persisted batch to the
     * index queue the same way. The header carries the number of commands; a message without it is one command.
     */
    public static final String COMMANDS_KEY = "commands";
    public static final String COMMANDS_HEADER = "chat-commands";

    /** Deliveries of one command before the persist queue gives up on it and dead-letters it. */
    public static final int PERSIST_DELIVERY_LIMIT = 10;

    /**
     * Persist queues unless {@code chat.writes.partitions} says otherwise. One: on a single worker the cores are used
     * by its persist threads ({@code chat.worker.persist-threads}), and every partition more makes each group-commit
     * envelope smaller, which costs the broker and the worker per message (decision 0012).
     */
    public static final int DEFAULT_PARTITIONS = 1;

    /**
     * The keys bound to {@link #PERSIST_QUEUE} only: those of earlier versions (unpartitioned), and the names of
     * the queues whose dead letters carry them as their key (a replay of the index queue's dead letters persists
     * them again, which hands them to the index queue; a message put straight into the dead-letter queue through
     * the default exchange has its name). A replay (scripts/dead-letters.sh, a shovel) drops what routes nowhere,
     * so every key a dead letter can carry must be bound: the partitions' keys end with their partition.
     */
    public static final List<String> UNPARTITIONED_KEYS = List.of(CHAT_KEY, MESSAGE_KEY, USER_KEY, REACTION_KEY,
            RECEIPT_KEY, COMMANDS_KEY, PERSIST_QUEUE, INDEX_QUEUE, DEAD_LETTER_QUEUE);

    private WriteTopology() {
    }

    /** The persist queue of partition {@code p}. */
    public static String persistQueue(int partition) {
        return PERSIST_QUEUE + "." + partition;
    }

    /** Every persist queue the worker consumes: the partitions', then the unpartitioned one of earlier versions. */
    public static List<String> persistQueues(int partitions) {
        List<String> queues = new ArrayList<>(partitions + 1);
        for (int p = 0; p < partitions; p++) {
            queues.add(persistQueue(p));
        }
        queues.add(PERSIST_QUEUE);
        return List.copyOf(queues);
    }

    /** The binding of partition {@code p}: every key whose last word is {@code p}. */
    public static String partitionPattern(int partition) {
        return "#." + partition;
    }

    /** The routing key of a command of {@code kind} (or of an envelope, {@link #COMMANDS_KEY}) in a partition. */
    public static String routingKey(String kind, int partition) {
        return kind + "." + partition;
    }

    /**
     * The key of an envelope of commands sent with {@code commandKey}'s partition: {@code message.1} ->
     * {@code commands.1}; an unpartitioned key ({@code message}) -> {@code commands}.
     */
    public static String envelopeKey(String commandKey) {
        int dot = commandKey.lastIndexOf('.');
        return dot < 0 ? COMMANDS_KEY : COMMANDS_KEY + commandKey.substring(dot);
    }

    /**
     * The partition of a chat's commands: a fixed function of the application and the chat (the same in every
     * process and version), spread evenly over {@code partitions}.
     */
    public static int partition(long appId, long chatNumber, int partitions) {
        return Math.floorMod(mix(appId * 0x9E3779B97F4A7C15L + chatNumber), partitions);
    }

    /** The partition of a command: its chat's, or for a user its user's. */
    public static int partition(WriteCodec.Write write, int partitions) {
        return switch (write) {
            case WriteCodec.ChatWrite chat -> partition(chat.chat().appId().value(), chat.chat().number().value(), partitions);
            case WriteCodec.MessageWrite message ->
                    partition(message.message().appId().value(), message.message().chatNumber().value(), partitions);
            case WriteCodec.ReactionWrite reaction ->
                    partition(reaction.reaction().appId().value(), reaction.reaction().chat().value(), partitions);
            case WriteCodec.ReceiptWrite receipt ->
                    partition(receipt.receipt().appId().value(), receipt.receipt().chat().value(), partitions);
            case WriteCodec.UserWrite user -> partition(user.user().appId().value(), user.user().id().value(), partitions);
        };
    }

    /** The partition of a user's commands. */
    public static int partition(long appId, String userId, int partitions) {
        return Math.floorMod(mix(appId * 0x9E3779B97F4A7C15L + userId.hashCode()), partitions);
    }

    /** A 64-bit finaliser (MurmurHash3's): consecutive chat numbers land on unrelated partitions. */
    private static int mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a4ed5L;
        h ^= h >>> 33;
        return (int) h;
    }
}
