package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chats table in memory, with the MySQL adapter's rules: a state is stored unless a newer
 * updated_at is stored already, and the derived fields (messages count, last message) belong to the
 * store, never to the state being saved.
 */
public final class FakeChatStore implements ChatStore {

    private static final Comparator<Chat> INBOX_ORDER = Comparator
            .comparing(Chat::activityAt).thenComparingLong(c -> c.number().value()).reversed();

    private final Map<Key, Chat> rows = new HashMap<>();
    private final Outage outage = new Outage("mysql");

    @Override
    public synchronized Optional<Chat> find(AppId app, ChatNumber number) {
        outage.check();
        return Optional.ofNullable(rows.get(new Key(app, number)));
    }

    @Override
    public synchronized List<Chat> page(AppId app, InboxPosition after, int limit) {
        outage.check();
        return rows.values().stream()
                .filter(chat -> chat.appId().equals(app))
                .filter(chat -> after == null || isAfter(chat, after))
                .sorted(INBOX_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void saveAll(List<Chat> chats) {
        outage.check();
        for (Chat chat : chats) {
            rows.merge(new Key(chat.appId(), chat.number()),
                    new Chat(chat.appId(), chat.number(), chat.title(), 0, null, chat.createdAt(), chat.updatedAt()),
                    (stored, saved) -> saved.updatedAt().isAfter(stored.updatedAt())
                            ? new Chat(stored.appId(), stored.number(), saved.title(), stored.messagesCount(),
                            stored.lastMessageAt(), stored.createdAt(), saved.updatedAt())
                            : stored);
        }
    }

    /** What the message store does on a save: the chat's latest activity moves forward, if the chat is stored. */
    synchronized void recordMessageAt(AppId app, ChatNumber number, Instant messageCreatedAt) {
        rows.computeIfPresent(new Key(app, number), (key, chat) -> chat.lastMessageAt() != null
                && !messageCreatedAt.isAfter(chat.lastMessageAt()) ? chat
                : new Chat(chat.appId(), chat.number(), chat.title(), chat.messagesCount(), messageCreatedAt,
                chat.createdAt(), chat.updatedAt()));
    }

    /** Stores a row exactly as given, derived fields included: the state the count reconciler leaves behind. */
    public synchronized void putRow(Chat chat) {
        rows.put(new Key(chat.appId(), chat.number()), chat);
    }

    public Outage outage() {
        return outage;
    }

    private static boolean isAfter(Chat chat, InboxPosition after) {
        int byActivity = chat.activityAt().compareTo(after.activityAt());
        return byActivity < 0 || (byActivity == 0 && chat.number().value() < after.number());
    }

    private record Key(AppId app, ChatNumber number) {
    }
}
