package dev.chatplatform.adapters.persistence.counts;

import dev.chatplatform.application.port.out.CountStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;

import java.util.List;

/**
 * Recounts only the scopes in count_changes. Safe with several workers: a recount is idempotent, and
 * a change row is deleted only at the version that was read, so a change that lands meanwhile stays.
 */
@Repository
public class JdbcCountStore implements CountStore {

    private static final String CHANGED = """
            SELECT app_id, chat_number, version FROM count_changes ORDER BY app_id, chat_number LIMIT ?""";

    private static final String RECOUNT_APP = """
            UPDATE apps SET chats_count = (SELECT COUNT(*) FROM chats WHERE app_id = ?) WHERE id = ?""";

    private static final String RECOUNT_CHAT = """
            UPDATE chats c
            JOIN (SELECT COUNT(*) AS n, MAX(created_at) AS latest FROM messages
                  WHERE app_id = ? AND chat_number = ?) m
            SET c.messages_count = m.n,
                c.last_message_at = m.latest,
                c.activity_at = GREATEST(c.created_at, COALESCE(m.latest, c.created_at))
            WHERE c.app_id = ? AND c.number = ?""";

    private static final String FORGET = """
            DELETE FROM count_changes WHERE app_id = ? AND chat_number = ? AND version = ?""";

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcCountStore(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    @Override
    public int reconcileChanged(int maxScopes) {
        return db.write(() -> reconcile(maxScopes));
    }

    private int reconcile(int maxScopes) {
        List<Change> changes = jdbc.query(CHANGED,
                (rs, i) -> new Change(rs.getLong(1), rs.getLong(2), rs.getLong(3)), maxScopes);
        for (Change change : changes) {
            if (change.chatNumber() == CountChanges.APP_SCOPE) {
                jdbc.update(RECOUNT_APP, change.appId(), change.appId());
            } else {
                jdbc.update(RECOUNT_CHAT, change.appId(), change.chatNumber(), change.appId(), change.chatNumber());
            }
            jdbc.update(FORGET, change.appId(), change.chatNumber(), change.version());
        }
        return changes.size();
    }

    private record Change(long appId, long chatNumber, long version) {
    }
}
