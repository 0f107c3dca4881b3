package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.Objects;

public interface EditMessageUseCase {

    MessageView edit(Command command);

    record Command(AppToken token, ChatNumber chat, MessageNumber number, MessageBody body) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(body, "body");
        }
    }
}
