package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored messages; every message read carries its reaction summary. */
public interface MessageStore {

    Optional<Message> find(AppId app, ChatNumber chat, MessageNumber number);

    /** Several messages of an application at once (the inbox's last messages); missing ones are left out. */
    List<Message> findAll(AppId app, Collection<Key> keys);

    /** The chat's messages in {@code range}, newest (highest number) first, at most {@code limit}. */
    List<Message> page(AppId app, ChatNumber chat, MessageRange range, int limit);

    /**
     * A walk over stored messages in key order (application, chat, number): those after {@code after}
     * (null: from the first), at most {@code limit}, of {@code app} only when given, else of every
     * application. What rebuilding the search index reads.
     */
    List<Message> walk(AppId app, Position after, int limit);

    /**
     * Stores each state unless a newer one is stored already, records the chats' latest activity and
     * last message, and marks their counts for reconciliation; idempotent.
     */
    void saveAll(List<Message> messages);

    record Key(ChatNumber chat, MessageNumber number) {
    }

    /** Where a {@link #walk} stopped: the last message it returned. */
    record Position(AppId app, ChatNumber chat, MessageNumber number) {
        public static Position of(Message message) {
            return new Position(message.appId(), message.chatNumber(), message.number());
        }
    }
}
