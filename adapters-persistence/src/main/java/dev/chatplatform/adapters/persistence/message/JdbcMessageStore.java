package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.counts.CountChanges;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Repository
public class JdbcMessageStore implements MessageStore {

    /**
     * Insert, or take the new body only when the state is newer: redeliveries and late edits change
     * nothing. The sender is written once; a state without one never clears it. The copy of the reaction
     * summary (V7) is the reaction store's to write, and {@link #TAKE_EARLIER_SUMMARIES}'s for a message
     * stored after its reactions.
     */
    private static final String UPSERT = """
            INSERT INTO messages (app_id, chat_number, number, body, sender, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              body = IF(VALUES(updated_at) > updated_at, VALUES(body), body),
              sender = COALESCE(sender, VALUES(sender)),
              updated_at = GREATEST(updated_at, VALUES(updated_at))""";

    /**
     * The participants' copies of the chat's activity first, then the chat (the lock order of
     * JdbcChatStore). Both only move forward, so the inbox never shows a chat twice while it is paged.
     */
    private static final String TOUCH_PARTICIPANTS = """
            UPDATE chat_participants SET activity_at = GREATEST(activity_at, ?) WHERE app_id = ? AND chat_number = ?""";

    /**
     * Freshens the inbox order at once, and what the inbox shows of the last message (V4): the batch's
     * newest state of its highest number replaces the kept one when its number is higher, or the same with a
     * newer updated_at (an edit). The copies are assigned before last_message_number, and the updated_at
     * copy last of the four that an edit changes, so each condition reads the row as it was. A new last
     * message takes its reaction summary along (V5; none, unless its reactions were persisted first). The
     * reconciler repairs a chat whose row arrived after its messages.
     */
    private static final String TOUCH_CHAT = """
            UPDATE chats SET
              last_message_body = IF(? > last_message_number OR ? = last_message_number
                  AND ? > COALESCE(last_message_updated_at, '1000-01-01'), ?, last_message_body),
              last_message_sender = IF(? > last_message_number, ?, IF(? = last_message_number
                  AND ? > COALESCE(last_message_updated_at, '1000-01-01'), COALESCE(?, last_message_sender), last_message_sender)),
              last_message_created_at = IF(? > last_message_number OR ? = last_message_number
                  AND ? > COALESCE(last_message_updated_at, '1000-01-01'), ?, last_message_created_at),
              last_message_updated_at = IF(? > last_message_number OR ? = last_message_number
                  AND ? > COALESCE(last_message_updated_at, '1000-01-01'), ?, last_message_updated_at),
              last_message_summary = IF(? > last_message_number, (SELECT s.summary FROM message_reactions s
                  WHERE s.app_id = ? AND s.chat_number = ? AND s.message_number = ?), last_message_summary),
              last_message_at = GREATEST(COALESCE(last_message_at, ?), ?),
              last_message_number = GREATEST(last_message_number, ?),
              activity_at = GREATEST(activity_at, ?)
            WHERE app_id = ? AND number = ?""";

    /**
     * The summary copy (V7) of messages whose reactions were stored before them (a message command replayed
     * after its reactions, say): one statement a batch, driven by message_reactions over each chat's range of
     * the batch, so a chat without reactions there costs one index dive. A multi-table UPDATE reads
     * message_reactions with shared locks, also under READ COMMITTED: a reaction transaction that updated no
     * message row because this one was not committed yet is waited for and its summary read, which a
     * single-table UPDATE with a subquery (a non-locking read) would miss. It takes message_reactions after
     * messages, the reverse of the reaction store's order: only writes of one chat at the same moment can
     * deadlock on it (a consumer failover, the legacy queue beside the partitions), and the worker then retries
     * the batch. A subquery in the upsert's VALUES
     * instead was optimised once per row: the batched insert took 6 times as long (32 µs a row), and the
     * backlog drain fell from 23,374 to 7,794 persisted/s (the full run at 5ff0f94, docs/performance.md).
     */
    private static final String TAKE_EARLIER_SUMMARIES = """
            UPDATE message_reactions r
              JOIN messages m ON m.app_id = r.app_id AND m.chat_number = r.chat_number AND m.number = r.message_number
               SET m.reaction_summary = r.summary
             WHERE m.reaction_summary IS NULL AND (%s)""";

    private static final String CHAT_RANGE = "(r.app_id = ? AND r.chat_number = ? AND r.message_number BETWEEN ? AND ?)";

    /** Over each chat's range of the batch: from its lowest number to its highest. */
    private void takeEarlierSummaries(Map<CountChanges.Scope, Latest> perChat) {
        if (perChat.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        perChat.forEach((chat, batch) -> args.addAll(List.of(chat.appId(), chat.chatNumber(), batch.lowestNumber(),
                batch.highestNumber())));
        jdbc.update(TAKE_EARLIER_SUMMARIES.formatted(String.join(" OR ", Collections.nCopies(perChat.size(),
                CHAT_RANGE))), args.toArray());
    }

    /** Every read takes the summary the row keeps (V7): no read joins or aggregates reactions. */
    private static final String COLUMNS =
            "m.app_id, m.chat_number, m.number, m.body, m.sender, m.reaction_summary, m.created_at, m.updated_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM messages m ";

    private static final String FIND = SELECT + " WHERE m.app_id = ? AND m.chat_number = ? AND m.number = ?";

    private static final RowMapper<Message> MESSAGE = (rs, i) -> {
        AppId app = new AppId(rs.getLong(1));
        ChatNumber chat = new ChatNumber(rs.getLong(2));
        MessageNumber number = new MessageNumber(rs.getLong(3));
        String sender = rs.getString(5);
        return new Message(app, chat, number, new MessageBody(rs.getString(4)),
                sender == null ? null : new UserId(sender), JsonColumns.summary(rs.getString(6), app, chat, number),
                SqlTimestamps.read(rs, 7), SqlTimestamps.read(rs, 8));
    };

    private static final Comparator<Message> KEY_ORDER = Comparator
            .comparingLong((Message m) -> m.appId().value())
            .thenComparingLong(m -> m.chatNumber().value())
            .thenComparingLong(m -> m.number().value());

    private final JdbcTemplate jdbc;
    private final CountChanges countChanges;
    private final Db db;

    public JdbcMessageStore(JdbcTemplate jdbc, CountChanges countChanges, Db db) {
        this.jdbc = jdbc;
        this.countChanges = countChanges;
        this.db = db;
    }

    @Override
    public Optional<Message> find(AppId app, ChatNumber chat, MessageNumber number) {
        return db.read(() -> jdbc.query(FIND, MESSAGE, app.value(), chat.value(), number.value()).stream().findFirst());
    }

    /** Point lookups on the primary key, one range per key. */
    @Override
    public List<Message> findAll(AppId app, Collection<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // One IN list per chat: for the 50 hits of a search in one chat, MariaDB planned 50 pairs of
        // (chat_number = ? AND number = ?) OR-ed together in 0.8 ms, the same keys as one IN list in 0.4.
        Map<ChatNumber, List<Long>> byChat = new LinkedHashMap<>();
        keys.stream().distinct().forEach(key -> byChat.computeIfAbsent(key.chat(), c -> new ArrayList<>())
                .add(key.number().value()));
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE m.app_id = ? AND (");
        List<Object> args = new ArrayList<>();
        args.add(app.value());
        String or = "";
        for (Map.Entry<ChatNumber, List<Long>> chat : byChat.entrySet()) {
            sql.append(or).append("(m.chat_number = ? AND m.number IN (")
                    .append("?, ".repeat(chat.getValue().size() - 1)).append("?))");
            args.add(chat.getKey().value());
            args.addAll(chat.getValue());
            or = " OR ";
        }
        sql.append(')');
        return db.read(() -> jdbc.query(sql.toString(), MESSAGE, args.toArray()));
    }

    /**
     * A backward range scan of the primary key (app_id, chat_number, number) between the range's numbers. A time
     * window is a range of numbers too: a chat's messages are stamped with their numbers, a later number never
     * with an earlier time ({@code NumberCounter.Allocation#stamp}), so the window's messages are those from the
     * number of its first message to the number of its last. Two dives into ix_messages_created find both, in a
     * derived table of one row that MariaDB reads before planning (a system table: its values are constants),
     * and the page is the primary key's range between them whatever the window's width or age. since and until
     * are checked on the rows read as well, so the page never holds a message outside the window.
     * <p>
     * The plan this replaced chose between the window's rows read along ix_messages_created and sorted, and a
     * walk of the primary key from the range's top that met every newer row first (31 ms for a one-hour window
     * far back in the chat of 53,817 messages), by an estimate taken with the same two dives in a statement of
     * its own (docs/performance.md, issue 12).
     */
    @Override
    public List<Message> page(AppId app, ChatNumber chat, MessageRange range, int limit) {
        if (range.since() == null && range.until() == null) {
            return db.read(() -> jdbc.query(SELECT + " WHERE m.app_id = ? AND m.chat_number = ? AND m.number < ?"
                    + " AND m.number > ? ORDER BY m.number DESC LIMIT ?", MESSAGE, app.value(), chat.value(),
                    range.upperExclusive(), range.lowerExclusive(), limit));
        }
        // Each bound given is both a dive (its arguments first in the statement) and a check on the rows read.
        List<Object> args = new ArrayList<>();
        List<Object> checked = new ArrayList<>();
        String first = "0";
        String last = Long.toString(Long.MAX_VALUE);
        StringBuilder window = new StringBuilder();
        if (range.since() != null) {
            String since = SqlTimestamps.format(range.since());
            first = FIRST_AT_OR_AFTER;
            args.addAll(List.of(app.value(), chat.value(), since));
            window.append(" AND m.created_at >= ?");
            checked.add(since);
        }
        if (range.until() != null) {
            String until = SqlTimestamps.format(range.until());
            last = LAST_AT_OR_BEFORE;
            args.addAll(List.of(app.value(), chat.value(), until));
            window.append(" AND m.created_at <= ?");
            checked.add(until);
        }
        args.addAll(List.of(app.value(), chat.value(), range.upperExclusive(), range.lowerExclusive()));
        args.addAll(checked);
        args.add(limit);
        String sql = TIME_WINDOW.formatted(COLUMNS, first, last, window);
        return db.read(() -> jdbc.query(sql, MESSAGE, args.toArray()));
    }

    /** The number of the chat's first message at or after a time; NULL when none is (an empty page). */
    private static final String FIRST_AT_OR_AFTER = """
            (SELECT f.number FROM messages f FORCE INDEX (ix_messages_created)
              WHERE f.app_id = ? AND f.chat_number = ? AND f.created_at >= ? ORDER BY f.created_at, f.number LIMIT 1)""";

    /** The number of the chat's last message at or before a time; NULL when none is. */
    private static final String LAST_AT_OR_BEFORE = """
            (SELECT l.number FROM messages l FORCE INDEX (ix_messages_created)
              WHERE l.app_id = ? AND l.chat_number = ? AND l.created_at <= ? ORDER BY l.created_at DESC, l.number DESC LIMIT 1)""";

    /**
     * The window's ends first (w, one row), then the primary key's range between them: STRAIGHT_JOIN and FORCE
     * INDEX keep MariaDB from reading the chat's whole key prefix, which it otherwise chose (53,833 rows read
     * for 48 in the biggest chat, ANALYZE).
     */
    private static final String TIME_WINDOW = """
            SELECT %s
              FROM (SELECT %s AS first_number, %s AS last_number) w
              STRAIGHT_JOIN messages m FORCE INDEX (PRIMARY)
                ON m.app_id = ? AND m.chat_number = ? AND m.number >= w.first_number AND m.number <= w.last_number
             WHERE m.number < ? AND m.number > ?%s
             ORDER BY m.number DESC LIMIT ?""";

    /**
     * A forward range scan of the primary key from the position: the position is spelled as a disjunction of
     * key prefixes, which MariaDB reads as ranges of the key (a row comparison it would not).
     */
    @Override
    public List<Message> walk(AppId app, Position after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (app != null) {
            sql.append(" AND m.app_id = ?");
            args.add(app.value());
        }
        if (after != null) {
            long a = after.app().value();
            long c = after.chat().value();
            sql.append(" AND (m.app_id > ? OR m.app_id = ? AND m.chat_number > ?")
                    .append(" OR m.app_id = ? AND m.chat_number = ? AND m.number > ?)");
            args.addAll(List.of(a, a, c, a, c, after.number().value()));
        }
        sql.append(" ORDER BY m.app_id, m.chat_number, m.number LIMIT ?");
        args.add(limit);
        return db.read(() -> jdbc.query(sql.toString(), MESSAGE, args.toArray()));
    }

    @Override
    public void saveAll(List<Message> messages) {
        // A fixed lock order keeps concurrent batches from deadlocking each other.
        List<Message> ordered = messages.stream().sorted(KEY_ORDER).toList();
        db.writeAll(() -> upsert(ordered));
    }

    private void upsert(List<Message> ordered) {
        Map<CountChanges.Scope, Latest> latestPerChat = new TreeMap<>();
        for (Message message : ordered) {
            latestPerChat.merge(new CountChanges.Scope(message.appId().value(), message.chatNumber().value()),
                    new Latest(message.number().value(), message), Latest::max);
        }
        countChanges.markMessages(latestPerChat.keySet());
        jdbc.batchUpdate(UPSERT, ordered, ordered.size(), (ps, message) -> {
            ps.setLong(1, message.appId().value());
            ps.setLong(2, message.chatNumber().value());
            ps.setLong(3, message.number().value());
            ps.setString(4, message.body().value());
            ps.setString(5, message.sender() == null ? null : message.sender().value());
            ps.setString(6, SqlTimestamps.format(message.createdAt()));
            ps.setString(7, SqlTimestamps.format(message.updatedAt()));
        });
        takeEarlierSummaries(latestPerChat);
        List<Map.Entry<CountChanges.Scope, Latest>> touches = new ArrayList<>(latestPerChat.entrySet());
        jdbc.batchUpdate(TOUCH_PARTICIPANTS, touches, touches.size(), (ps, touch) -> {
            ps.setString(1, SqlTimestamps.format(touch.getValue().latestAt()));
            ps.setLong(2, touch.getKey().appId());
            ps.setLong(3, touch.getKey().chatNumber());
        });
        jdbc.batchUpdate(TOUCH_CHAT, touches, touches.size(), (ps, touch) -> {
            Message last = touch.getValue().last();
            long number = last.number().value();
            String updated = SqlTimestamps.format(last.updatedAt());
            String sender = last.sender() == null ? null : last.sender().value();
            int i = 0;
            for (Object value : new Object[] {number, number, updated, last.body().value(),
                    number, sender, number, updated, sender,
                    number, number, updated, SqlTimestamps.format(last.createdAt()),
                    number, number, updated, updated,
                    number, touch.getKey().appId(), touch.getKey().chatNumber(), number}) {
                ps.setObject(++i, value);
            }
            String at = SqlTimestamps.format(touch.getValue().latestAt());
            ps.setString(++i, at);
            ps.setString(++i, at);
            ps.setLong(++i, touch.getValue().highestNumber());
            ps.setString(++i, at);
            ps.setLong(++i, touch.getKey().appId());
            ps.setLong(++i, touch.getKey().chatNumber());
        });
    }

    /**
     * What a batch says about a chat: its lowest and highest number, the latest creation time (the highest
     * number's unless API clocks disagree; last_message_at takes the latest time so that the inbox order only
     * ever moves forward), and the newest state of the highest number.
     */
    private record Latest(long lowestNumber, long highestNumber, Instant latestAt, Message last) {
        Latest(long number, Message message) {
            this(number, number, message.createdAt(), message);
        }

        Latest max(Latest other) {
            Message newest = last.number().value() != other.last.number().value()
                    ? (last.number().value() > other.last.number().value() ? last : other.last)
                    : (other.last.isNewerThan(last) ? other.last : last);
            return new Latest(Math.min(lowestNumber, other.lowestNumber), Math.max(highestNumber, other.highestNumber),
                    latestAt.isAfter(other.latestAt) ? latestAt : other.latestAt, newest);
        }
    }
}
