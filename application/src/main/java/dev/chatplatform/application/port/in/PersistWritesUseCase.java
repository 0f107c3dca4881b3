package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;

import java.util.List;

/** The worker's side of the write path: stores a batch of queued states; safe to repeat. */
public interface PersistWritesUseCase {

    void persist(List<Chat> chats, List<Message> messages);
}
