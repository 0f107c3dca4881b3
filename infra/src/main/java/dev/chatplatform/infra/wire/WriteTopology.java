package dev.chatplatform.infra.wire;

/**
 * The one place that names the write path's exchanges, queues and routing keys. The API's publisher
 * and the worker's listeners both read them from here.
 *
 * <pre>
 * chat.writes (topic) --#--> chat.writes.persist (quorum, delivery limit, single active consumer) --> MySQL
 *                                  the worker, what it persisted --> chat.writes.index (quorum) --> Elasticsearch
 * rejected / over the delivery limit --> chat.writes.dead-letter (fanout) --> chat.writes.dead
 * </pre>
 * A message is one command, or an envelope of several ({@link #COMMANDS_KEY}, {@link #COMMANDS_HEADER}).
 * Indexing has its own queue so an Elasticsearch outage only grows that queue: persistence goes on.
 * Every kind of command ({@code chat}, {@code message}, {@code user}, {@code reaction}, {@code receipt})
 * is its routing key: the persist queue takes all of them; the index queue gets the message states the
 * worker persisted, through the default exchange.
 */
public final class WriteTopology {

    public static final String EXCHANGE = "chat.writes";
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

    private WriteTopology() {
    }
}
