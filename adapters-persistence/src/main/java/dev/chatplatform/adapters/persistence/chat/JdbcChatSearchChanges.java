package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.application.port.out.ChatSearchChanges;
import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * chat_search_changes, kept by the triggers of V6 whoever writes a chat row: the chats whose search
 * documents are stale, each read with its row in one statement (a consistent state of the row).
 */
@Repository
public class JdbcChatSearchChanges implements ChatSearchChanges {

    private static final String CHANGED = """
            SELECT c.app_id, c.number, c.search_text, c.activity_at, c.search_revision
              FROM chat_search_changes x JOIN chats c ON c.app_id = x.app_id AND c.number = x.chat_number
             ORDER BY x.app_id, x.chat_number LIMIT ?""";

    /** Only up to the revision indexed: a change recorded since keeps its row. */
    private static final String FORGET = "DELETE FROM chat_search_changes WHERE app_id = ? AND chat_number = ? AND revision <= ?";

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcChatSearchChanges(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    @Override
    public List<ChatSearchEntry> changed(int max) {
        return db.read(() -> jdbc.query(CHANGED, (rs, row) -> new ChatSearchEntry(new AppId(rs.getLong(1)),
                new ChatNumber(rs.getLong(2)), rs.getString(3) == null ? "" : rs.getString(3),
                SqlTimestamps.read(rs, 4), rs.getLong(5)), max));
    }

    @Override
    public void forget(List<ChatSearchEntry> indexed) {
        if (indexed.isEmpty()) {
            return;
        }
        db.writeAll(() -> jdbc.batchUpdate(FORGET, indexed, indexed.size(), (ps, entry) -> {
            ps.setLong(1, entry.app().value());
            ps.setLong(2, entry.chat().value());
            ps.setLong(3, entry.revision());
        }));
    }
}
