package dev.chatplatform.application.port.in;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.user.UserId;

import java.util.Objects;

public interface ListChatsUseCase {

    /**
     * The inbox: most recent activity first (last message, else creation), ties by number descending,
     * keyset-paged at any depth.
     */
    Page<ChatView> list(Query query);

    /**
     * @param text        optional; keeps chats whose title, a participant's name or phone, or a message
     *                    body contains it, case-insensitively
     * @param participant optional; keeps the chats this user is in
     */
    record Query(AppToken token, String text, UserId participant, PageRequest page) {
        public static final int MAX_TEXT_LENGTH = 200;

        public Query {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(page, "page");
            if (text != null && text.isEmpty()) {
                throw new InvalidValueException("q", "must not be empty");
            }
            if (text != null && text.length() > MAX_TEXT_LENGTH) {
                throw new InvalidValueException("q", "must be at most " + MAX_TEXT_LENGTH + " characters");
            }
        }

        public static Query all(AppToken token, PageRequest page) {
            return new Query(token, null, null, page);
        }
    }
}
