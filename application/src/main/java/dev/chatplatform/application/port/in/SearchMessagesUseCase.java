package dev.chatplatform.application.port.in;

import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.application.MessageView;

import java.util.Objects;

public interface SearchMessagesUseCase {

    /** Messages of the chat whose body contains the query, case-insensitively; best match first, then newest. */
    Page<MessageView> search(Query query);

    record Query(AppToken token, ChatNumber chat, String text, PageRequest page) {
        public static final int MAX_LENGTH = 200;

        public Query {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(page, "page");
            if (text == null || text.isEmpty()) {
                throw new InvalidValueException("q", "is required");
            }
            if (text.length() > MAX_LENGTH) {
                throw new InvalidValueException("q", "must be at most " + MAX_LENGTH + " characters");
            }
        }
    }
}
