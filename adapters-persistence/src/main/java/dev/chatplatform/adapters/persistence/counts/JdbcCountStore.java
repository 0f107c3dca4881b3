package dev.chatplatform.adapters.persistence.counts;

import dev.chatplatform.application.port.out.CountStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.chat.InboxCopies;
import dev.chatplatform.adapters.persistence.SqlTimestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recounts only the scopes in count_changes. Safe with several workers: reconcilers of one scope take
 * turns on its change row, and a write that lands after a recount marks the scope again.
 * <p>
 * Up to {@link #SCOPES_PER_TRANSACTION} scopes are recounted in one transaction, with one statement per step
 * for all of them (lock, count, read the chats, update, forget). One transaction and seven round trips per
 * scope recounted about 50 scopes a second under load, while creating chats marks thousands a second: the
 * backlog grew without end and its recounts took as much of the worker's CPU as persisting.
 */
@Repository
public class JdbcCountStore implements CountStore {

    static final int SCOPES_PER_TRANSACTION = 200;

    private static final String CHANGED = """
            SELECT app_id, chat_number FROM count_changes ORDER BY app_id, chat_number LIMIT ?""";

    /** Along the primary key, so in key order: writers lock their change rows in key order too (CountChanges). */
    private static final String LOCK = """
            SELECT app_id, chat_number FROM count_changes WHERE (app_id, chat_number) IN (%s)
            ORDER BY app_id, chat_number FOR UPDATE""";

    private static final String SET_CHATS_COUNTS = """
            UPDATE apps a SET chats_count = (SELECT COUNT(*) FROM chats c WHERE c.app_id = a.id) WHERE a.id IN (%s)""";

    private static final String COUNT_MESSAGES = """
            SELECT app_id, chat_number, COUNT(*), MAX(created_at), COALESCE(MAX(number), 0) FROM messages
            WHERE (app_id, chat_number) IN (%s) GROUP BY app_id, chat_number""";

    private static final String CHATS_CREATED_AT = "SELECT app_id, number, created_at FROM chats WHERE (app_id, number) IN (%s)";

    /**
     * Also repairs what a message save could not record because the chat's row came later: the last
     * message and the activity, in both places it is kept (participants first: JdbcChatStore's lock order).
     */
    private static final String SET_PARTICIPANTS_ACTIVITY = """
            UPDATE chat_participants SET activity_at = GREATEST(activity_at, ?) WHERE app_id = ? AND chat_number = ?""";

    /** With the copies the inbox shows (V4, V5), from the last message's rows and the chat's receipts. */
    private static final String SET_MESSAGES_COUNT = """
            UPDATE chats c LEFT JOIN messages m ON m.app_id = c.app_id AND m.chat_number = c.number AND m.number = ?
              LEFT JOIN message_reactions s ON s.app_id = m.app_id AND s.chat_number = m.chat_number AND s.message_number = m.number
               SET c.messages_count = ?, c.last_message_at = ?, c.last_message_number = ?,
                   c.activity_at = GREATEST(c.created_at, COALESCE(?, c.created_at)),
                   c.last_message_body = m.body, c.last_message_sender = m.sender,
                   c.last_message_created_at = m.created_at, c.last_message_updated_at = m.updated_at,
                   c.last_message_summary = s.summary, c.receipts_folded = %s
             WHERE c.app_id = ? AND c.number = ?""".formatted(InboxCopies.FOLDED_RECEIPTS);

    private static final String FORGET = "DELETE FROM count_changes WHERE (app_id, chat_number) IN (%s)";

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcCountStore(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /**
     * Short transactions of up to {@link #SCOPES_PER_TRANSACTION} scopes, serialised with the writers by the
     * change rows' locks: writers lock their count_changes rows before anything else (see CountChanges), in key
     * order; the reconciler locks the ones it recounts before anything else, in key order, so neither waits for
     * the other while holding what the other needs. The counts themselves are read without locks.
     */
    @Override
    public int reconcileChanged(int maxScopes) {
        List<Scope> changes = db.read(() -> jdbc.query(CHANGED,
                (rs, i) -> new Scope(rs.getLong(1), rs.getLong(2)), maxScopes));
        for (int from = 0; from < changes.size(); from += SCOPES_PER_TRANSACTION) {
            List<Scope> chunk = changes.subList(from, Math.min(changes.size(), from + SCOPES_PER_TRANSACTION));
            db.writeAll(() -> reconcile(chunk));
        }
        return changes.size();
    }

    private void reconcile(List<Scope> chunk) {
        List<Scope> locked = jdbc.query(LOCK.formatted(pairs(chunk.size())),
                (rs, i) -> new Scope(rs.getLong(1), rs.getLong(2)), flat(chunk));
        if (locked.isEmpty()) {
            return; // other workers reconciled them meanwhile
        }
        List<Long> apps = locked.stream().filter(Scope::isApp).map(Scope::appId).distinct().toList();
        if (!apps.isEmpty()) {
            jdbc.update(SET_CHATS_COUNTS.formatted(placeholders(apps.size(), "?")), apps.toArray());
        }
        List<Scope> chats = locked.stream().filter(scope -> !scope.isApp()).toList();
        if (!chats.isEmpty()) {
            recountMessages(chats);
        }
        jdbc.update(FORGET.formatted(pairs(locked.size())), flat(locked));
    }

    private void recountMessages(List<Scope> chats) {
        Map<Scope, Counted> counted = new HashMap<>();
        jdbc.query(COUNT_MESSAGES.formatted(pairs(chats.size())), (RowCallbackHandler) rs -> counted.put(
                new Scope(rs.getLong(1), rs.getLong(2)), new Counted(rs.getLong(3), rs.getString(4), rs.getLong(5))),
                flat(chats));
        Map<Scope, String> created = new HashMap<>();
        jdbc.query(CHATS_CREATED_AT.formatted(pairs(chats.size())), (RowCallbackHandler) rs -> created.put(
                new Scope(rs.getLong(1), rs.getLong(2)), rs.getString(3)), flat(chats));
        // A chat without its row yet is counted again once the row arrives: its save marks the scope.
        List<Scope> present = chats.stream().filter(created::containsKey).toList();
        List<Object[]> activities = new ArrayList<>(present.size());
        List<Object[]> counts = new ArrayList<>(present.size());
        for (Scope chat : present) {
            Counted count = counted.getOrDefault(chat, Counted.NONE);
            Instant createdAt = SqlTimestamps.parse(created.get(chat));
            Instant latestAt = SqlTimestamps.parse(count.latest());
            Instant activity = latestAt != null && latestAt.isAfter(createdAt) ? latestAt : createdAt;
            activities.add(new Object[] {SqlTimestamps.format(activity), chat.appId(), chat.chatNumber()});
            counts.add(new Object[] {count.lastNumber(), count.messages(), count.latest(), count.lastNumber(), count.latest(),
                    chat.appId(), chat.chatNumber()});
        }
        if (!present.isEmpty()) {
            jdbc.batchUpdate(SET_PARTICIPANTS_ACTIVITY, activities);
            jdbc.batchUpdate(SET_MESSAGES_COUNT, counts);
        }
    }

    private static String pairs(int n) {
        return placeholders(n, "(?,?)");
    }

    private static String placeholders(int n, String one) {
        return String.join(",", Collections.nCopies(n, one));
    }

    private static Object[] flat(List<Scope> scopes) {
        Object[] values = new Object[scopes.size() * 2];
        for (int i = 0; i < scopes.size(); i++) {
            values[2 * i] = scopes.get(i).appId();
            values[2 * i + 1] = scopes.get(i).chatNumber();
        }
        return values;
    }

    private record Scope(long appId, long chatNumber) {
        boolean isApp() {
            return chatNumber == CountChanges.APP_SCOPE;
        }
    }

    private record Counted(long messages, String latest, long lastNumber) {
        static final Counted NONE = new Counted(0, null, 0);
    }
}
