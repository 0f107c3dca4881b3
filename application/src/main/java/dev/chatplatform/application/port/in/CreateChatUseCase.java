package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatTitle;

import java.util.Objects;

public interface CreateChatUseCase {

    /** Allocates the chat's number and queues it durably; the answer is readable at once. */
    Chat create(Command command);

    /** {@code title} is optional. */
    record Command(AppToken token, ChatTitle title) {
        public Command {
            Objects.requireNonNull(token, "token");
        }
    }
}
