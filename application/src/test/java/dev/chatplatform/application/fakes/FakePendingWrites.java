package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pending states in memory, with the Redis adapter's rules: a put replaces what is there, and a settle
 * removes an entry only while it still holds the very state that was persisted. A chat keeps only the
 * state a client writes (title and timestamps), like the queued command it mirrors.
 */
public final class FakePendingWrites implements PendingWrites {

    private final Map<ChatKey, Chat> chats = new HashMap<>();
    private final Map<ChatKey, NavigableMap<Long, Message>> messages = new HashMap<>();
    private final Outage outage = new Outage("redis");

    @Override
    public synchronized void put(Chat chat) {
        outage.check();
        chats.put(ChatKey.of(chat.appId(), chat.number()), writtenState(chat));
    }

    @Override
    public synchronized void put(Message message) {
        outage.check();
        messages.computeIfAbsent(ChatKey.of(message.appId(), message.chatNumber()), k -> new TreeMap<>())
                .put(message.number().value(), message);
    }

    @Override
    public synchronized Optional<Chat> findChat(AppId app, ChatNumber number) {
        outage.check();
        return Optional.ofNullable(chats.get(ChatKey.of(app, number)));
    }

    @Override
    public synchronized Optional<Message> findMessage(AppId app, ChatNumber chat, MessageNumber number) {
        outage.check();
        NavigableMap<Long, Message> ofChat = messages.get(ChatKey.of(app, chat));
        return Optional.ofNullable(ofChat == null ? null : ofChat.get(number.value()));
    }

    @Override
    public synchronized List<Message> messagesBelow(AppId app, ChatNumber chat, long belowNumber, int limit) {
        outage.check();
        NavigableMap<Long, Message> ofChat = messages.get(ChatKey.of(app, chat));
        if (ofChat == null) {
            return List.of();
        }
        return ofChat.headMap(belowNumber, false).descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void settleChats(List<Chat> persisted) {
        outage.check();
        for (Chat chat : persisted) {
            chats.remove(ChatKey.of(chat.appId(), chat.number()), writtenState(chat));
        }
    }

    @Override
    public synchronized void settleMessages(List<Message> persisted) {
        outage.check();
        for (Message message : persisted) {
            NavigableMap<Long, Message> ofChat = messages.get(ChatKey.of(message.appId(), message.chatNumber()));
            if (ofChat != null) {
                ofChat.remove(message.number().value(), message);
            }
        }
    }

    /** Everything still pending, for assertions. */
    public synchronized List<Object> all() {
        List<Object> all = new ArrayList<>(chats.values());
        messages.values().forEach(ofChat -> all.addAll(ofChat.values()));
        return all;
    }

    public Outage outage() {
        return outage;
    }

    private static Chat writtenState(Chat chat) {
        return new Chat(chat.appId(), chat.number(), chat.title(), 0, null, chat.createdAt(), chat.updatedAt());
    }

    private record ChatKey(long app, long chat) {
        static ChatKey of(AppId app, ChatNumber chat) {
            return new ChatKey(Objects.requireNonNull(app).value(), chat.value());
        }
    }
}
