package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The messages table in memory, with the MySQL adapter's rules: a state is stored unless a newer
 * updated_at is stored already; a save moves the chat's latest activity in the chat store it shares
 * a database with.
 */
public final class FakeMessageStore implements MessageStore {

    private final Map<ChatKey, NavigableMap<Long, Message>> rows = new HashMap<>();
    private final FakeChatStore chats;
    private final Outage outage = new Outage("mysql");

    public FakeMessageStore(FakeChatStore chats) {
        this.chats = chats;
    }

    @Override
    public synchronized Optional<Message> find(AppId app, ChatNumber chat, MessageNumber number) {
        outage.check();
        NavigableMap<Long, Message> ofChat = rows.get(new ChatKey(app, chat));
        return Optional.ofNullable(ofChat == null ? null : ofChat.get(number.value()));
    }

    @Override
    public synchronized List<Message> page(AppId app, ChatNumber chat, long belowNumber, int limit) {
        outage.check();
        NavigableMap<Long, Message> ofChat = rows.get(new ChatKey(app, chat));
        if (ofChat == null) {
            return List.of();
        }
        return ofChat.headMap(belowNumber, false).descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void saveAll(List<Message> messages) {
        outage.check();
        for (Message message : messages) {
            rows.computeIfAbsent(new ChatKey(message.appId(), message.chatNumber()), k -> new TreeMap<>())
                    .merge(message.number().value(), message, (stored, saved) -> saved.isNewerThan(stored)
                            ? new Message(stored.appId(), stored.chatNumber(), stored.number(), saved.body(),
                            stored.createdAt(), saved.updatedAt())
                            : stored);
            chats.recordMessageAt(message.appId(), message.chatNumber(), message.createdAt());
        }
    }

    public Outage outage() {
        return outage;
    }

    private record ChatKey(AppId app, ChatNumber chat) {
    }
}
