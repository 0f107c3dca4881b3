package dev.chatplatform.adapters.persistence.counts;

import dev.chatplatform.application.port.out.CountStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.SqlTimestamps;

import java.time.Instant;
import java.util.List;

/**
 * Recounts only the scopes in count_changes. Safe with several workers: reconcilers of one scope take
 * turns on its change row, and a write that lands after a recount marks the scope again.
 */
@Repository
public class JdbcCountStore implements CountStore {

    private static final String CHANGED = """
            SELECT app_id, chat_number, version FROM count_changes ORDER BY app_id, chat_number LIMIT ?""";

    private static final String COUNT_CHATS = "SELECT COUNT(*) FROM chats WHERE app_id = ?";

    private static final String SET_CHATS_COUNT = "UPDATE apps SET chats_count = ? WHERE id = ?";

    private static final String COUNT_MESSAGES = """
            SELECT COUNT(*), MAX(created_at), COALESCE(MAX(number), 0) FROM messages
            WHERE app_id = ? AND chat_number = ?""";

    private static final String CHAT_CREATED_AT = "SELECT created_at FROM chats WHERE app_id = ? AND number = ?";

    /**
     * Also repairs what a message save could not record because the chat's row came later: the last
     * message and the activity, in both places it is kept (participants first: JdbcChatStore's lock order).
     */
    private static final String SET_PARTICIPANTS_ACTIVITY = """
            UPDATE chat_participants SET activity_at = GREATEST(activity_at, ?) WHERE app_id = ? AND chat_number = ?""";

    private static final String SET_MESSAGES_COUNT = """
            UPDATE chats SET messages_count = ?, last_message_at = ?, last_message_number = ?,
                             activity_at = GREATEST(created_at, COALESCE(?, created_at))
            WHERE app_id = ? AND number = ?""";

    private static final String LOCK = """
            SELECT version FROM count_changes WHERE app_id = ? AND chat_number = ? FOR UPDATE""";

    private static final String FORGET = "DELETE FROM count_changes WHERE app_id = ? AND chat_number = ?";

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcCountStore(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /**
     * One short transaction per scope, serialised with the writers by the change row's lock: writers lock
     * their count_changes rows before anything else (see CountChanges), the reconciler locks the one it
     * recounts before anything else, so neither waits for the other while holding what the other needs.
     * The counts themselves are read without locks.
     */
    @Override
    public int reconcileChanged(int maxScopes) {
        List<Change> changes = db.read(() -> jdbc.query(CHANGED,
                (rs, i) -> new Change(rs.getLong(1), rs.getLong(2), rs.getLong(3)), maxScopes));
        for (Change change : changes) {
            db.writeAll(() -> reconcile(change));
        }
        return changes.size();
    }

    private void reconcile(Change change) {
        if (jdbc.queryForList(LOCK, Long.class, change.appId(), change.chatNumber()).isEmpty()) {
            return; // another worker reconciled it meanwhile
        }
        if (change.chatNumber() == CountChanges.APP_SCOPE) {
            long chats = jdbc.queryForObject(COUNT_CHATS, Long.class, change.appId());
            jdbc.update(SET_CHATS_COUNT, chats, change.appId());
        } else {
            jdbc.query(COUNT_MESSAGES, rs -> {
                String latest = rs.getString(2);
                List<String> created = jdbc.queryForList(CHAT_CREATED_AT, String.class, change.appId(),
                        change.chatNumber());
                if (created.isEmpty()) {
                    return; // counted again once the chat's row arrives: its save marks the scope
                }
                Instant createdAt = SqlTimestamps.parse(created.getFirst());
                Instant latestAt = SqlTimestamps.parse(latest);
                Instant activity = latestAt != null && latestAt.isAfter(createdAt) ? latestAt : createdAt;
                jdbc.update(SET_PARTICIPANTS_ACTIVITY, SqlTimestamps.format(activity), change.appId(),
                        change.chatNumber());
                jdbc.update(SET_MESSAGES_COUNT, rs.getLong(1), latest, rs.getLong(3), latest, change.appId(),
                        change.chatNumber());
            }, change.appId(), change.chatNumber());
        }
        jdbc.update(FORGET, change.appId(), change.chatNumber());
    }

    private record Change(long appId, long chatNumber, long version) {
    }
}
