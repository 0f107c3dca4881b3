package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.application.ChatView;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;

import java.util.Objects;

public interface RetitleChatUseCase {

    ChatView retitle(Command command);

    record Command(AppToken token, ChatNumber number, ChatTitle title) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(title, "title");
        }
    }
}
