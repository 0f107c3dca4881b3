package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.List;
import java.util.Optional;

public interface MessageStore {

    Optional<Message> find(AppId app, ChatNumber chat, MessageNumber number);

    /** Messages numbered below {@code belowNumber}, newest first. */
    List<Message> page(AppId app, ChatNumber chat, long belowNumber, int limit);

    /**
     * Stores each state unless a newer one is stored already, records the chats' latest activity and
     * marks their counts for reconciliation; idempotent.
     */
    void saveAll(List<Message> messages);
}
