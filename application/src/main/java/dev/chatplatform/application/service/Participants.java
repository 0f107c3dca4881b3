package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.user.UserId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may act in a chat. Participants are written once, with the chat, and never change, so the
 * answer is remembered per chat after the first read: a sender check on the hot write path costs a
 * database read once per chat and process, not once per message.
 */
public final class Participants {

    /** Bounded so a process serving many chats does not grow without limit; dropped wholesale when full. */
    private static final int MAX_REMEMBERED = 100_000;

    private final ChatReads reads;
    private final Map<Key, List<UserId>> remembered = new ConcurrentHashMap<>();

    public Participants(ChatReads reads) {
        this.reads = reads;
    }

    /**
     * Throws {@link NotFoundException} when the chat does not exist and a 400 naming {@code field} when
     * the chat has participants and {@code user} is not one of them.
     */
    public void requireAdmitted(AppId app, ChatNumber chat, UserId user, String field) {
        List<UserId> members = of(app, chat);
        if (!members.isEmpty() && !members.contains(user)) {
            throw new InvalidValueException(field, "'" + user.value() + "' is not a participant of chat " + chat.value());
        }
    }

    private List<UserId> of(AppId app, ChatNumber chat) {
        Key key = new Key(app, chat);
        List<UserId> known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Chat found = reads.chat(app, chat).orElseThrow(() -> new NotFoundException("chat"));
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, found.participants());
        return found.participants();
    }

    private record Key(AppId app, ChatNumber chat) {
    }
}
