package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ChatStore {

    Optional<Chat> find(AppId app, ChatNumber number);

    /** The inbox: most recent activity first, then number descending; starts after {@code after} when given. */
    List<Chat> page(AppId app, InboxPosition after, int limit);

    /** Stores each state unless a newer one is stored already; idempotent. */
    void saveAll(List<Chat> chats);

    record InboxPosition(Instant activityAt, long number) {
    }
}
