package dev.chatplatform.application.port.in;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.user.UserId;

import java.util.Objects;

public interface CreateMessageUseCase {

    /**
     * Allocates the message's number and queues it durably; the answer is readable at once. A sender
     * must be a participant when the chat has participants.
     */
    MessageView create(Command command);

    /** {@code sender} is optional. */
    record Command(AppToken token, ChatNumber chat, MessageBody body, UserId sender) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(body, "body");
        }

        public Command(AppToken token, ChatNumber chat, MessageBody body) {
            this(token, chat, body, null);
        }
    }
}
