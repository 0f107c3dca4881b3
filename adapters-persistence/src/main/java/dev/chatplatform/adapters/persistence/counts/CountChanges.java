package dev.chatplatform.adapters.persistence.counts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Remembers which counts a write made stale, in the writer's transaction. Writers call it first, before
 * touching chats or messages: the reconciler also locks a change row first, so the two never deadlock.
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

    /** Chats were written: their applications' chats_count and their own messages_count may be stale. */
    public void markChats(List<Scope> chats) {
        Set<Scope> scopes = new TreeSet<>(chats);
        chats.forEach(chat -> scopes.add(new Scope(chat.appId(), APP_SCOPE)));
        mark(scopes);
    }

    /** Messages were written in these chats: their messages_count is stale. */
    public void markMessages(Collection<Scope> chats) {
        mark(new TreeSet<>(chats));
    }

    /** In key order, so that concurrent writers lock the rows in the same order. */
    private void mark(Set<Scope> scopes) {
        List<Scope> ordered = List.copyOf(scopes);
        jdbc.batchUpdate(MARK, ordered, ordered.size(), (ps, scope) -> {
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
