package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;

import java.util.Objects;

public interface CreateMessageUseCase {

    /** Allocates the message's number and queues it durably; the answer is readable at once. */
    Message create(Command command);

    record Command(AppToken token, ChatNumber chat, MessageBody body) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(body, "body");
        }
    }
}
