package dev.chatplatform.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the worker stored, read straight from the run's database: the truth the tests assert against. */
final class Truth {

    /** A stored message row; a duplicate would show as two rows with the same number. */
    record Row(long number, String body) {
    }

    private final String url;
    private final String user;
    private final String password;

    Truth(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The internal id of the application with this token (the database keeps only the token's SHA-256). */
    Optional<Long> appId(String token) {
        List<Long> ids = query("SELECT id FROM apps WHERE token_hash = UNHEX(SHA2(?, 256))",
                rs -> rs.getLong(1), token);
        return ids.stream().findFirst();
    }

    long messageCount(long appId, long chat) {
        return query("SELECT COUNT(*) FROM messages WHERE app_id = ? AND chat_number = ?", rs -> rs.getLong(1),
                appId, chat).getFirst();
    }

    /** The sum of every stored reaction's score on a message: what the worker has applied. */
    long reactionScoreTotal(long appId, long chat, long message) {
        return query("SELECT COALESCE(SUM(score), 0) FROM reactions WHERE app_id = ? AND chat_number = ? AND message_number = ?",
                rs -> rs.getLong(1), appId, chat, message).getFirst();
    }

    long readUpTo(long appId, long chat, String userId) {
        List<Long> found = query("SELECT read_up_to FROM receipts WHERE app_id = ? AND chat_number = ? AND user_id = ?",
                rs -> rs.getLong(1), appId, chat, userId);
        return found.isEmpty() ? 0 : found.getFirst();
    }

    List<Row> messageRows(long appId, long chat) {
        return query("SELECT number, body FROM messages WHERE app_id = ? AND chat_number = ? ORDER BY number",
                rs -> new Row(rs.getLong(1), rs.getString(2)), appId, chat);
    }

    /** number -> body; use {@link #messageRows} where a duplicate row must be visible. */
    Map<Long, String> messages(long appId, long chat) {
        Map<Long, String> byNumber = new TreeMap<>();
        messageRows(appId, chat).forEach(row -> byNumber.put(row.number(), row.body()));
        return byNumber;
    }

    Optional<String> messageBody(long appId, long chat, long number) {
        return query("SELECT body FROM messages WHERE app_id = ? AND chat_number = ? AND number = ?",
                rs -> rs.getString(1), appId, chat, number).stream().findFirst();
    }

    List<Long> chatNumbers(long appId) {
        return query("SELECT number FROM chats WHERE app_id = ? ORDER BY number", rs -> rs.getLong(1), appId);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
