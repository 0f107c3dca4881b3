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
 * floor under the API's figures. Pages are the persistence adapter's InboxQuery scan along ix_chats_inbox.
 * For q the statements are the adapter's plan for it (JdbcChatStore.candidates): the chats holding the
 * rarest of a few of q's grams in chat_search_grams, looked up by primary key with q checked on each, or,
 * when no probed gram is rare enough, the scan with search_text LIKE. The message-content half of q (the
 * API asks Elasticsearch which chats mention q) has no SQL and is left out.
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
                    () -> textPage(connections.get(), app, values.get(ThreadLocalRandom.current().nextInt(values.size())), limit)));
        }
    }

    static final int GRAM_LENGTH = 3;
    static final int PROBES = 6;
    static final int MAX_CANDIDATES = 1_000;
    static final int MAX_CANDIDATES_CEILING = 10_000;

    /** A first page filtered by q, by the adapter's plan: candidates from the grams, else the scan. */
    static Position textPage(Connection connection, long app, String q, int limit) throws SQLException {
        // As the API asks: limit + 1 rows, to know whether there is a next page.
        long budget = Math.max(MAX_CANDIDATES, Math.min(MAX_CANDIDATES_CEILING,
                Math.round(Math.sqrt((double) (limit + 1) * Settings.chats()))));
        List<Long> candidates = candidates(connection, app, q.toLowerCase(Locale.ROOT), (int) budget);
        if (candidates == null) {
            return read(connection, page(true, false), app, q, null, limit);
        }
        if (candidates.isEmpty()) {
            return null;
        }
        String sql = "SELECT " + COLUMNS + " FROM chats c FORCE INDEX (PRIMARY) WHERE c.app_id = ? AND c.number IN ("
                + String.join(",", java.util.Collections.nCopies(candidates.size(), "?"))
                + ") AND (c.search_text LIKE ? ESCAPE '!') ORDER BY c.activity_at DESC, c.number DESC LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, app);
            for (long chat : candidates) {
                statement.setLong(i++, chat);
            }
            statement.setString(i++, pattern(q));
            statement.setInt(i, limit + 1);
            Position last = null;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getString("participants");
                    last = new Position(rows.getString("activity_at"), rows.getLong("number"));
                }
            }
            return last;
        }
    }

    /** The chats holding q's rarest probed gram when at most budget chats hold it, else null (scan). */
    static List<Long> candidates(Connection connection, long app, String lowercased, int budget) throws SQLException {
        int[] codePoints = lowercased.codePoints().toArray();
        int count = codePoints.length - GRAM_LENGTH + 1;
        if (count <= 0) {
            return null;
        }
        List<String> probes = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(PROBES, count); i++) {
            int start = PROBES >= count ? i : (int) ((long) i * (count - 1) / (PROBES - 1));
            String gram = new String(codePoints, start, GRAM_LENGTH);
            if (!probes.contains(gram)) {
                probes.add(gram);
            }
        }
        String rarest = null;
        long fewest = Long.MAX_VALUE;
        for (String gram : probes) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT chat_number "
                    + "FROM chat_search_grams WHERE app_id = ? AND gram = ? LIMIT ?) g")) {
                statement.setLong(1, app);
                statement.setString(2, gram);
                statement.setInt(3, budget + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) < fewest) {
                        fewest = rows.getLong(1);
                        rarest = gram;
                    }
                }
            }
        }
        if (fewest > budget) {
            return null;
        }
        List<Long> chats = new java.util.ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT chat_number FROM chat_search_grams WHERE app_id = ? AND gram = ?")) {
            statement.setLong(1, app);
            statement.setString(2, rarest);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    chats.add(rows.getLong(1));
                }
            }
        }
        return chats;
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
