package dev.chatplatform.adapters.rest.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase.Subscription;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/applications/{token}/chats/{number}/events}: a one-way stream of the chat's events.
 * The handshake ({@link ChatEventsHandshake}) has checked the token and the chat; what the client sends
 * is ignored.
 */
public final class ChatEventsHandler extends TextWebSocketHandler {

    public static final String PATH = "/api/v1/applications/{token}/chats/{number}/events";

    private final ChatEventDispatcher dispatcher;
    private final int bufferSize;
    private final Duration sendTimeLimit;
    private final Map<String, WebSocketSubscriber> subscribers = new ConcurrentHashMap<>();
    private final Counter dropped;

    /** {@code meters}: {@code chat.events.sessions} (open subscriptions) and {@code chat.events.dropped}. */
    public ChatEventsHandler(ChatEventDispatcher dispatcher, int bufferSize, Duration sendTimeLimit, MeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.bufferSize = bufferSize;
        this.sendTimeLimit = sendTimeLimit;
        Gauge.builder("chat.events.sessions", subscribers, Map::size)
                .description("Open WebSocket subscriptions to chats' events").register(meters);
        this.dropped = Counter.builder("chat.events.dropped")
                .description("Subscribers closed because they did not read their events in time").register(meters);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSubscriber subscriber = new WebSocketSubscriber(session, bufferSize, sendTimeLimit, dropped::increment);
        subscribers.put(session.getId(), subscriber);
        subscriber.start();
        dispatcher.subscribe(subscription(session), subscriber,
                (Long) session.getAttributes().getOrDefault(ChatEventsHandshake.NEWEST_MESSAGE, 0L));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        WebSocketSubscriber subscriber = subscribers.remove(session.getId());
        if (subscriber != null) {
            subscriber.stop();
            dispatcher.unsubscribe(subscription(session), subscriber);
        }
    }

    /** Pings every connection (and closes those whose sends are stuck); called every heartbeat interval. */
    public void heartbeat() {
        subscribers.values().forEach(WebSocketSubscriber::heartbeat);
    }

    private static Subscription subscription(WebSocketSession session) {
        return (Subscription) session.getAttributes().get(ChatEventsHandshake.SUBSCRIPTION);
    }
}
