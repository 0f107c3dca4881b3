package dev.chatplatform.application.port.in;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.user.UserId;

import java.util.List;
import java.util.Objects;

public interface CreateChatUseCase {

    /** Allocates the chat's number and queues it durably; the answer is readable at once. */
    ChatView create(Command command);

    /** {@code title} is optional; {@code participants} may be empty (an open chat). */
    record Command(AppToken token, ChatTitle title, List<UserId> participants) {
        public Command {
            Objects.requireNonNull(token, "token");
            participants = participants == null ? List.of() : List.copyOf(participants);
        }

        public Command(AppToken token, ChatTitle title) {
            this(token, title, List.of());
        }
    }
}
