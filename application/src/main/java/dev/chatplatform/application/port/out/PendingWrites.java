package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.List;
import java.util.Optional;

/**
 * Acknowledged states the worker has not persisted yet: what makes a write readable right after its
 * 201. The worker settles an entry once the same state is stored; a newer state stays pending.
 */
public interface PendingWrites {

    void put(Chat chat);

    void put(Message message);

    Optional<Chat> findChat(AppId app, ChatNumber number);

    Optional<Message> findMessage(AppId app, ChatNumber chat, MessageNumber number);

    /** Pending messages of a chat numbered below {@code belowNumber}, newest first, at most {@code limit}. */
    List<Message> messagesBelow(AppId app, ChatNumber chat, long belowNumber, int limit);

    void settleChats(List<Chat> persisted);

    void settleMessages(List<Message> persisted);
}
