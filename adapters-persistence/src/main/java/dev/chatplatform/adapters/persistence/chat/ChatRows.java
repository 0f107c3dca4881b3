package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import org.springframework.jdbc.core.RowMapper;

/** A chats row (aliased {@code c}) as a domain chat. */
final class ChatRows {

    static final String COLUMNS = """
            c.app_id, c.number, c.title, c.participants, c.messages_count, c.last_message_number,
            c.last_message_at, c.created_at, c.updated_at""";

    static final RowMapper<Chat> CHAT = (rs, i) -> {
        String title = rs.getString("title");
        return new Chat(new AppId(rs.getLong("app_id")), new ChatNumber(rs.getLong("number")),
                title == null ? null : new ChatTitle(title), JsonColumns.participants(rs.getString("participants")),
                rs.getLong("messages_count"), rs.getLong("last_message_number"),
                SqlTimestamps.read(rs, "last_message_at"), SqlTimestamps.read(rs, "created_at"),
                SqlTimestamps.read(rs, "updated_at"));
    };

    private ChatRows() {
    }
}
