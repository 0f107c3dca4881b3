package dev.chatplatform.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bare SQL of the inbox pages the HTTP benchmark reads, run with JDBC at the same fixed rate: the
 * floor under the API's figures. The statements are those of the persistence adapter's InboxQuery for a
 * scan along ix_chats_inbox (all chats; q checked on each row with search_text LIKE). For q the API may
 * instead look up a short candidate list through chat_search_grams (JdbcChatStore.candidates) and consult
 * the message index for mentions: this is the scan, the plan it falls back to.
 */
public final class InboxSql {

    static final String COLUMNS = """
            c.app_id, c.number, c.title, c.participants, c.messages_count, c.last_message_number,
            c.last_message_at, c.created_at, c.updated_at, c.activity_at""";

    static String page(boolean withText, boolean withPosition) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM chats c FORCE INDEX (ix_chats_inbox) WHERE c.app_id = ?");
        if (withText) {
            sql.append(" AND (c.search_text LIKE ? ESCAPE '!')");
        }
        if (withPosition) {
            sql.append(" AND c.activity_at <= ? AND (c.activity_at < ? OR c.number < ?)");
        }
        return sql.append(" ORDER BY c.app_id DESC, c.activity_at DESC, c.number DESC LIMIT ?").toString();
    }

    /** As SearchText.pattern: lowercased, LIKE's wildcards and the escape escaped with '!'. */
    static String pattern(String q) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : q.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    record Position(String activityAt, long number) {
    }

    public static void main(String[] args) throws Exception {
        long app = Settings.appId();
        int limit = Settings.intProp("bench.inbox.limit", 50);
        int depth = Settings.intProp("bench.inbox.depth", 1000);
        double rate = Settings.doubleProp("bench.read.rate", 100);
        Duration duration = Duration.ofSeconds(Settings.intProp("bench.read.seconds", 30));
        Position deep;
        try (Connection connection = Settings.mysql()) {
            deep = walk(connection, app, limit, depth);
        }
        Results.put("sql.inbox_deep.pages", deep == null ? 0 : depth);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return Settings.mysql();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        int threads = Settings.intProp("bench.sql.threads", 8);
        Results.put("sql.inbox_first", FixedRate.run(rate, duration, threads,
                () -> read(connections.get(), page(false, false), app, null, null, limit)));
        if (deep != null) {
            Position at = deep;
            Results.put("sql.inbox_deep", FixedRate.run(rate, duration, threads,
                    () -> read(connections.get(), page(false, true), app, null, at, limit)));
        }
        for (String kind : List.of("name", "phone", "content")) {
            List<String> values = Settings.queries(kind);
            Results.put("sql.inbox_q_" + kind, FixedRate.run(rate, duration, threads,
                    () -> read(connections.get(), page(true, false), app,
                            values.get(ThreadLocalRandom.current().nextInt(values.size())), null, limit)));
        }
    }

    /** Walks the inbox {@code depth} pages down by keyset, as a client following next_cursor would. */
    static Position walk(Connection connection, long app, int limit, int depth) throws SQLException {
        Position position = null;
        for (int i = 0; i < depth; i++) {
            Position last = read(connection, position == null ? page(false, false) : page(false, true), app, null,
                    position, limit);
            if (last == null) {
                return null;
            }
            position = last;
        }
        return position;
    }

    /** Reads one page and returns the position of its last row (null when the page is empty). */
    static Position read(Connection connection, String sql, long app, String q, Position after, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, app);
            if (q != null) {
                statement.setString(i++, pattern(q));
            }
            if (after != null) {
                statement.setString(i++, after.activityAt());
                statement.setString(i++, after.activityAt());
                statement.setLong(i++, after.number());
            }
            statement.setInt(i, limit);
            Position last = null;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getString("participants");
                    rows.getString("title");
                    last = new Position(rows.getString("activity_at"), rows.getLong("number"));
                }
            }
            return last;
        }
    }
}
