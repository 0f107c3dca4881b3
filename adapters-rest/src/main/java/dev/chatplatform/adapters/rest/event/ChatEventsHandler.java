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

    private static final String SUBSCRIBER = "chat.subscriber";
    /** How long after its handshake a subscriber may wait for its connection before it is dropped. */
    private static final Duration UNCLAIMED = Duration.ofMinutes(1);

    private final ChatEventDispatcher dispatcher;
    private final int bufferSize;
    private final Duration sendTimeLimit;
    private final Map<String, WebSocketSubscriber> subscribers = new ConcurrentHashMap<>();
    /** Subscribed by a handshake, not yet claimed by their connection. */
    private final Map<WebSocketSubscriber, Opening> opening = new ConcurrentHashMap<>();
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

    /**
     * Subscribes to the chat while the handshake is still being answered, so that no event dispatched
     * between the client's 101 and {@link #afterConnectionEstablished} is lost: the subscriber buffers them.
     * The subscriber travels in the session's attributes; one whose upgrade failed after the handshake
     * checks (no connection ever claims it) is unsubscribed by the next {@link #heartbeat} but one.
     */
    void open(Subscription chat, long newestMessageNumber, Map<String, Object> attributes) {
        WebSocketSubscriber subscriber = new WebSocketSubscriber(bufferSize, sendTimeLimit, dropped::increment);
        attributes.put(ChatEventsHandshake.SUBSCRIPTION, chat);
        attributes.put(SUBSCRIBER, subscriber);
        opening.put(subscriber, new Opening(chat, System.nanoTime()));
        dispatcher.subscribe(chat, subscriber, newestMessageNumber);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSubscriber subscriber = (WebSocketSubscriber) session.getAttributes().get(SUBSCRIBER);
        opening.remove(subscriber);
        subscribers.put(session.getId(), subscriber);
        subscriber.start(session);
    }

    private record Opening(Subscription chat, long since) {
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
        long now = System.nanoTime();
        opening.forEach((subscriber, opened) -> {
            if (now - opened.since() > UNCLAIMED.toNanos() && opening.remove(subscriber, opened)) {
                subscriber.stop();
                dispatcher.unsubscribe(opened.chat(), subscriber);
            }
        });
    }

    private static Subscription subscription(WebSocketSession session) {
        return (Subscription) session.getAttributes().get(ChatEventsHandshake.SUBSCRIPTION);
    }
}
