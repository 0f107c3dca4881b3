package dev.chatplatform.adapters.rest.event;

import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase.Subscription;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.springframework.web.socket.TextMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongSupplier;

/**
 * Hands each event of this instance's queue to the local subscribers of its chat, encoding the frame
 * once for all of them, as it comes: by default there is no reorder window.
 * <p>
 * Order: the worker persists the write queue in queue order, one batch after another, and publishes
 * each batch's events in (chat, message number) order. An API instance takes a chat's numbers and hands
 * their commands to its one publishing thread and channel in number order, so the queue holds each
 * instance's messages of a chat in number order and the events arrive in it. Only two instances posting
 * into one chat at the same moment can swap two numbers. A deployment that wants those reordered too sets a
 * reorder window ({@code chat.events.reorder-window}): then, per chat, a
 * {@code message.created} whose predecessor has not been seen is held, for at most the reorder window,
 * and released in number order as soon as the gap fills or the window ends (a number can be missing
 * for good: a create whose publish failed after its number was taken). Other events of a chat that has
 * held ones queue behind them. A chat's first subscriber tells the dispatcher the chat's newest message
 * number as the subscription opened, so the next number is known from the start.
 */
public final class ChatEventDispatcher {

    private final Map<Subscription, ChatChannel> chats = new ConcurrentHashMap<>();
    private final long windowNanos;
    private final LongSupplier nanoClock;

    public ChatEventDispatcher(Duration reorderWindow) {
        this(reorderWindow, System::nanoTime);
    }

    ChatEventDispatcher(Duration reorderWindow, LongSupplier nanoClock) {
        this.windowNanos = reorderWindow.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Adds a subscriber of {@code chat}, whose newest message number was {@code newestMessageNumber} as
     * the subscription opened (0: no messages yet).
     */
    void subscribe(Subscription chat, Subscriber subscriber, long newestMessageNumber) {
        add(chat, subscriber, newestMessageNumber + 1);
    }

    /** Adds a subscriber without telling the chat's newest number: its next event is held for the window, to learn it. */
    void subscribe(Subscription chat, Subscriber subscriber) {
        add(chat, subscriber, 0);
    }

    private void add(Subscription chat, Subscriber subscriber, long nextMessageNumber) {
        chats.compute(chat, (key, channel) -> {
            ChatChannel existing = channel == null ? new ChatChannel() : channel;
            existing.subscribers.add(subscriber);
            if (nextMessageNumber > 0) {
                existing.expectFrom(nextMessageNumber);
            }
            return existing;
        });
    }

    void unsubscribe(Subscription chat, Subscriber subscriber) {
        chats.computeIfPresent(chat, (key, channel) -> {
            channel.subscribers.remove(subscriber);
            return channel.subscribers.isEmpty() ? null : channel;
        });
    }

    /** Whether anyone on this instance listens to the chat: events of other chats need not even be decoded. */
    public boolean hasSubscribers(AppId app, ChatNumber chat) {
        return chats.containsKey(new Subscription(app, chat));
    }

    /** Events of one or more chats, in publishing order. */
    public void dispatch(List<ChatEvent> events) {
        long now = nanoClock.getAsLong();
        for (ChatEvent event : events) {
            ChatChannel channel = chats.get(new Subscription(event.appId(), event.chat()));
            if (channel != null) {
                channel.accept(event, new TextMessage(EventFrames.encode(event)), now);
            }
        }
    }

    /** Whether a reorder window is set: only then are events held, and {@link #releaseOverdue} needed. */
    public boolean holdsEvents() {
        return windowNanos > 0;
    }

    /** Releases what has been held for longer than the window; called every few tens of milliseconds. */
    public void releaseOverdue() {
        long now = nanoClock.getAsLong();
        chats.values().forEach(channel -> channel.releaseIfOverdue(now));
    }

    int subscriberCount() {
        return chats.values().stream().mapToInt(channel -> channel.subscribers.size()).sum();
    }

    private final class ChatChannel {
        private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
        /** Held frames by the number of the created message they wait behind, in arrival order. */
        private final TreeMap<Long, List<TextMessage>> held = new TreeMap<>();
        /** The message number the next message.created should have; 0 while unknown. */
        private long expected;
        private long heldSince;

        synchronized void accept(ChatEvent event, TextMessage frame, long now) {
            if (!holdsEvents()) {
                send(frame);
                return;
            }
            if (event.kind() != ChatEvent.Kind.MESSAGE_CREATED) {
                if (held.isEmpty()) {
                    send(frame);
                } else {
                    held.lastEntry().getValue().add(frame);
                }
                return;
            }
            long number = event.position();
            if (expected != 0 && number < expected) {
                send(frame); // a repeat (at-least-once) or one released late: nothing to wait for
                return;
            }
            if (number == expected) {
                send(frame);
                expected = number + 1;
                releaseContiguous();
                return;
            }
            if (held.isEmpty()) {
                heldSince = now;
            }
            held.computeIfAbsent(number, n -> new ArrayList<>()).add(frame);
        }

        /** Learns the next number from a subscription, while the channel has not learnt it from events. */
        synchronized void expectFrom(long next) {
            if (expected == 0 && held.isEmpty()) {
                expected = next;
            }
        }

        synchronized void releaseIfOverdue(long now) {
            if (!held.isEmpty() && now - heldSince >= windowNanos) {
                while (!held.isEmpty()) {
                    Map.Entry<Long, List<TextMessage>> first = held.pollFirstEntry();
                    first.getValue().forEach(this::send);
                    expected = first.getKey() + 1;
                }
            }
        }

        private void releaseContiguous() {
            while (!held.isEmpty() && held.firstKey() <= expected) {
                Map.Entry<Long, List<TextMessage>> first = held.pollFirstEntry();
                first.getValue().forEach(this::send);
                expected = Math.max(expected, first.getKey() + 1);
            }
            if (!held.isEmpty()) {
                heldSince = nanoClock.getAsLong();
            }
        }

        private void send(TextMessage frame) {
            for (Subscriber subscriber : subscribers) {
                subscriber.deliver(frame);
            }
        }
    }
}
