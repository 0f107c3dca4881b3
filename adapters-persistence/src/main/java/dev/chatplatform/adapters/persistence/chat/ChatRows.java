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

    /** How many columns {@link #COLUMNS} selects: a statement's own columns come after them. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /**
     * The row as a chat, from the first {@link #COLUMN_COUNT} columns of a statement that selects {@link #COLUMNS}
     * first (all of them do). By position: the driver's lookup of each column by name was 2% of an inbox page's CPU.
     */
    static final RowMapper<Chat> CHAT = (rs, i) -> {
        String title = rs.getString(3);
        return new Chat(new AppId(rs.getLong(1)), new ChatNumber(rs.getLong(2)),
                title == null ? null : new ChatTitle(title), JsonColumns.participants(rs.getString(4)),
                rs.getLong(5), rs.getLong(6), SqlTimestamps.read(rs, 7), SqlTimestamps.read(rs, 8),
                SqlTimestamps.read(rs, 9));
    };

    private ChatRows() {
    }
}
