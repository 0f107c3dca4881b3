package dev.chatplatform.adapters.persistence.counts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Remembers which counts a write made stale, in the writer's transaction. Bumping a version (rather
 * than inserting once) lets the reconciler tell a change it has seen from one that came after.
 */
@Component
public class CountChanges {

    static final long APP_SCOPE = 0;

    private static final String MARK = """
            INSERT INTO count_changes (app_id, chat_number, version) VALUES (?, ?, 1)
            ON DUPLICATE KEY UPDATE version = version + 1""";

    private final JdbcTemplate jdbc;

    public CountChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Chats were created in these applications: their chats_count is stale. */
    public void markChats(List<Long> appIds) {
        mark(appIds.stream().sorted().map(app -> new Scope(app, APP_SCOPE)).toList());
    }

    /** Messages were written in these chats: their messages_count is stale. */
    public void markMessages(List<Scope> chats) {
        mark(chats.stream().sorted().toList());
    }

    private void mark(List<Scope> scopes) {
        jdbc.batchUpdate(MARK, scopes, scopes.size(), (ps, scope) -> {
            ps.setLong(1, scope.appId());
            ps.setLong(2, scope.chatNumber());
        });
    }

    public record Scope(long appId, long chatNumber) implements Comparable<Scope> {
        @Override
        public int compareTo(Scope other) {
            int byApp = Long.compare(appId, other.appId);
            return byApp != 0 ? byApp : Long.compare(chatNumber, other.chatNumber);
        }
    }
}
