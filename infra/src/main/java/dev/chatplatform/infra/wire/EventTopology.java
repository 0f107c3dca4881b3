package dev.chatplatform.infra.wire;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

import java.util.Optional;

/**
 * The one place that names the real-time event fan-out. The worker publishes, after each persisted
 * batch, one message per chat to a topic exchange with the routing key {@code <app_id>.<chat_number>};
 * every API instance consumes a queue of its own (exclusive, auto-delete, so it goes away with the
 * instance) bound with {@code #}, and hands each event to its local WebSocket subscribers.
 *
 * <pre>
 * worker --chat.events (topic) --#--> chat.events.api-&lt;random&gt; (one per API instance) --> WebSockets
 * </pre>
 * Events are neither persistent nor confirmed: an instance that is down has no subscribers to tell,
 * and a client that reconnects pages from its last message number.
 */
public final class EventTopology {

    public static final String EXCHANGE = "chat.events";
    /** Prefix of each API instance's own queue name (the rest is random). */
    public static final String INSTANCE_QUEUE_PREFIX = "chat.events.api-";
    /** Every chat of every application: an instance tells its own subscribers and ignores the rest. */
    public static final String ALL_CHATS = "#";

    private EventTopology() {
    }

    public static String routingKey(AppId app, ChatNumber chat) {
        return app.value() + "." + chat.value();
    }

    /** The chat a routing key of {@link #routingKey} names; empty for any other key. */
    public static Optional<Chat> chatOf(String routingKey) {
        int dot = routingKey == null ? -1 : routingKey.indexOf('.');
        if (dot < 1 || dot == routingKey.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Chat(new AppId(Long.parseLong(routingKey, 0, dot, 10)),
                    new ChatNumber(Long.parseLong(routingKey, dot + 1, routingKey.length(), 10))));
        } catch (RuntimeException notAChatKey) {
            return Optional.empty();
        }
    }

    /** An application's chat, as named by a routing key. */
    public record Chat(AppId app, ChatNumber number) {
    }
}
