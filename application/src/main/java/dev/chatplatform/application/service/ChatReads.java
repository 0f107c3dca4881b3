package dev.chatplatform.application.service;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads that see every acknowledged write: the persisted state merged with the pending one, the newer
 * winning. When the pending store is down, reads fall back to what is persisted.
 * <p>
 * The pending store is always read first. The worker drops a pending copy only after the state is
 * committed, so a write that is gone from the pending store by then is already visible in the database.
 * Read the other way round, a write the worker moves between the two reads is in neither answer.
 */
public final class ChatReads {

    private static final System.Logger LOG = System.getLogger(ChatReads.class.getName());

    private final PendingWrites pending;
    private final ChatStore chats;
    private final MessageStore messages;

    public ChatReads(PendingWrites pending, ChatStore chats, MessageStore messages) {
        this.pending = pending;
        this.chats = chats;
        this.messages = messages;
    }

    public Optional<Chat> chat(AppId app, ChatNumber number) {
        Optional<Chat> pendingChat = pendingOr(() -> pending.findChat(app, number), Optional.empty());
        Optional<Chat> stored = chats.find(app, number);
        if (pendingChat.isEmpty()) {
            return stored;
        }
        if (stored.isEmpty()) {
            return pendingChat;
        }
        Chat persisted = stored.get();
        Chat newer = pendingChat.get();
        // The persisted row carries the derived fields (counts, last activity); the pending state only the title.
        return newer.updatedAt().isAfter(persisted.updatedAt())
                ? Optional.of(new Chat(app, number, newer.title(), persisted.messagesCount(), persisted.lastMessageAt(),
                persisted.createdAt(), newer.updatedAt()))
                : stored;
    }

    public boolean chatExists(AppId app, ChatNumber number) {
        return chat(app, number).isPresent();
    }

    public Optional<Message> message(AppId app, ChatNumber chat, MessageNumber number) {
        Optional<Message> pendingMessage = pendingOr(() -> pending.findMessage(app, chat, number), Optional.empty());
        Optional<Message> stored = messages.find(app, chat, number);
        return newer(stored, pendingMessage);
    }

    /** Messages numbered below {@code belowNumber}, newest first, persisted or not. */
    public List<Message> messagesBelow(AppId app, ChatNumber chat, long belowNumber, int limit) {
        List<Message> pendingPage = pendingOr(() -> pending.messagesBelow(app, chat, belowNumber, limit), List.of());
        Map<Long, Message> byNumber = new TreeMap<>();
        for (Message message : messages.page(app, chat, belowNumber, limit)) {
            byNumber.put(message.number().value(), message);
        }
        for (Message message : pendingPage) {
            byNumber.merge(message.number().value(), message, (a, b) -> b.isNewerThan(a) ? b : a);
        }
        List<Message> newestFirst = new ArrayList<>(byNumber.values()).reversed();
        return newestFirst.size() > limit ? newestFirst.subList(0, limit) : newestFirst;
    }

    private static Optional<Message> newer(Optional<Message> a, Optional<Message> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return b.get().isNewerThan(a.get()) ? b : a;
    }

    private static <T> T pendingOr(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "pending writes unreadable, answering from the database: {0}", e.getMessage());
            return fallback;
        }
    }
}
