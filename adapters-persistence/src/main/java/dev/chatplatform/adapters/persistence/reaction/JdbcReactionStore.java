package dev.chatplatform.adapters.persistence.reaction;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.chat.InboxCopies;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reactions and each message's summary of them. Applying events is an increment, not a state, so it is
 * made exactly-once here: under the lock of the message's message_reactions row, the events already in
 * reaction_events are skipped, and the rest are recorded there in the same transaction as their effect.
 */
@Repository
public class JdbcReactionStore implements ReactionStore {

    private static final String EMPTY_SUMMARY = JsonColumns.summary(ReactionSummary.EMPTY);

    /**
     * Creates the summary row if absent; either way the row is now locked by this transaction. Batched in
     * (app, chat, message) order, so concurrent batches lock shared messages in the same order and take
     * turns per message instead of deadlocking.
     */
    private static final String LOCK_MESSAGE = """
            INSERT INTO message_reactions (app_id, chat_number, message_number, summary) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE summary = summary""";

    private static final String SUMMARY = """
            SELECT summary FROM message_reactions WHERE app_id = ? AND chat_number = ? AND message_number = ?
            FOR UPDATE""";

    /** Summaries (kind 's') and reactions (kind 'r') in one statement: see {@link #snapshot}. */
    private static final String SNAPSHOT = """
            SELECT 's', message_number, summary, NULL, NULL, NULL, NULL, NULL FROM message_reactions
            WHERE app_id = ? AND chat_number = ? AND message_number IN (%s)
            UNION ALL
            SELECT 'r', message_number, NULL, user_id, type, score, created_at, updated_at FROM reactions
            WHERE app_id = ? AND chat_number = ? AND (%s)""";

    private static final String APPLIED = "SELECT event_id FROM reaction_events WHERE app_id = ? AND event_id IN (%s)";

    private static final String RECORD_EVENT = "INSERT INTO reaction_events (app_id, event_id, applied_at) VALUES (?, ?, ?)";

    private static final String REACTIONS = """
            SELECT message_number, user_id, type, score, created_at, updated_at FROM reactions
            WHERE app_id = ? AND chat_number = ? AND (%s)""";

    private static final String KEY_CONDITION = "(message_number = ? AND user_id = ? AND type = ?)";

    /** Written under the message's lock from a state computed under it: the new state simply replaces the old. */
    private static final String SAVE_REACTION = """
            INSERT INTO reactions (app_id, chat_number, message_number, user_id, type, score, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE score = VALUES(score), updated_at = VALUES(updated_at)""";

    private static final String SAVE_SUMMARY = """
            UPDATE message_reactions SET summary = ? WHERE app_id = ? AND chat_number = ? AND message_number = ?""";

    /**
     * The copy every message read takes (V7), in the same transaction, after message_reactions (the lock order:
     * message_reactions, messages, chats). A message not stored yet has no row to update: the message store
     * copies the summary once it has stored the message (JdbcMessageStore's TAKE_EARLIER_SUMMARIES).
     */
    private static final String COPY_SUMMARY = """
            UPDATE messages SET reaction_summary = ? WHERE app_id = ? AND chat_number = ? AND number = ?""";

    private static final Comparator<ReactionAdded> LOCK_ORDER = Comparator
            .comparingLong((ReactionAdded e) -> e.appId().value())
            .thenComparingLong(e -> e.chat().value())
            .thenComparingLong(e -> e.message().value())
            .thenComparing(ReactionAdded::at)
            .thenComparing(ReactionAdded::eventId);

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcReactionStore(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /** One transaction for the batch. Per-row update counts are never relied on: batched, they may be unknown. */
    @Override
    public List<Reaction> applyAll(List<ReactionAdded> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<ReactionAdded> ordered = events.stream().sorted(LOCK_ORDER).toList();
        return db.write(() -> apply(ordered));
    }

    private List<Reaction> apply(List<ReactionAdded> ordered) {
        Map<MessageKey, List<ReactionAdded>> byMessage = new LinkedHashMap<>();
        ordered.forEach(e -> byMessage.computeIfAbsent(MessageKey.of(e), k -> new ArrayList<>()).add(e));
        List<MessageKey> messages = List.copyOf(byMessage.keySet());
        jdbc.batchUpdate(LOCK_MESSAGE, messages, messages.size(), (ps, message) -> {
            ps.setLong(1, message.app());
            ps.setLong(2, message.chat());
            ps.setLong(3, message.message());
            ps.setString(4, EMPTY_SUMMARY);
        });
        Set<AppEvent> applied = applied(ordered);
        List<ReactionAdded> toRecord = new ArrayList<>();
        List<Reaction> changed = new ArrayList<>();
        List<Reaction> answer = new ArrayList<>();
        List<Map.Entry<MessageKey, ReactionSummary>> summaries = new ArrayList<>();
        for (Map.Entry<MessageKey, List<ReactionAdded>> entry : byMessage.entrySet()) {
            MessageKey message = entry.getKey();
            Map<Reaction.Key, Reaction> storedBefore = stored(message, entry.getValue());
            Map<Reaction.Key, Reaction> current = new HashMap<>(storedBefore);
            ReactionSummary summary = summary(message);
            ReactionSummary before = summary;
            Set<Reaction.Key> touched = new LinkedHashSet<>();
            for (ReactionAdded event : entry.getValue()) {
                touched.add(event.key());
                if (!applied.add(new AppEvent(event.appId().value(), event.eventId()))) {
                    continue; // applied before, or earlier in this very batch
                }
                toRecord.add(event);
                Reaction was = current.get(event.key());
                Reaction now = event.applyTo(was);
                summary = summary.with(was, now);
                current.put(event.key(), now);
            }
            for (Reaction.Key key : touched) {
                Reaction now = current.get(key);
                if (now != null) {
                    answer.add(now);
                    if (!now.equals(storedBefore.get(key))) {
                        changed.add(now);
                    }
                }
            }
            if (!summary.equals(before)) {
                summaries.add(Map.entry(message, summary));
            }
        }
        String appliedAt = SqlTimestamps.format(Instant.now());
        jdbc.batchUpdate(RECORD_EVENT, toRecord, toRecord.size(), (ps, event) -> {
            ps.setLong(1, event.appId().value());
            ps.setString(2, event.eventId());
            ps.setString(3, appliedAt);
        });
        jdbc.batchUpdate(SAVE_REACTION, changed, changed.size(), (ps, reaction) -> {
            ps.setLong(1, reaction.appId().value());
            ps.setLong(2, reaction.chat().value());
            ps.setLong(3, reaction.message().value());
            ps.setString(4, reaction.user().value());
            ps.setString(5, reaction.type().value());
            ps.setLong(6, reaction.score());
            ps.setString(7, SqlTimestamps.format(reaction.createdAt()));
            ps.setString(8, SqlTimestamps.format(reaction.updatedAt()));
        });
        for (String statement : List.of(SAVE_SUMMARY, COPY_SUMMARY)) {
            jdbc.batchUpdate(statement, summaries, summaries.size(), (ps, entry) -> {
                ps.setString(1, JsonColumns.summary(entry.getValue()));
                ps.setLong(2, entry.getKey().app());
                ps.setLong(3, entry.getKey().chat());
                ps.setLong(4, entry.getKey().message());
            });
        }
        // The inbox's copy of each changed chat's last message summary (message_reactions, then chats: the lock
        // order of every writer); a chat whose changed summaries are of older messages gets its copy again.
        InboxCopies.refreshLastMessageSummaries(jdbc, summaries.stream()
                .map(entry -> Map.entry(entry.getKey().app(), entry.getKey().chat())).toList());
        return answer;
    }

    @Override
    public Map<Reaction.Key, Reaction> find(AppId app, ChatNumber chat, Collection<Reaction.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Reaction.Key> distinct = keys.stream().distinct().toList();
        return db.read(() -> byKey(query(app.value(), chat.value(), distinct)));
    }

    /**
     * One statement, so one consistent read whatever the isolation level: the summaries and the reactions
     * come from the same committed state (a statement of a UNION shares its read view).
     */
    @Override
    public Snapshot snapshot(AppId app, ChatNumber chat, Collection<Reaction.Key> keys) {
        if (keys.isEmpty()) {
            return new Snapshot(Map.of(), Map.of());
        }
        List<Reaction.Key> distinct = keys.stream().distinct().toList();
        List<Long> messages = distinct.stream().map(k -> k.message().value()).distinct().toList();
        List<Object> args = new ArrayList<>();
        args.add(app.value());
        args.add(chat.value());
        args.addAll(messages);
        args.add(app.value());
        args.add(chat.value());
        List<String> conditions = new ArrayList<>();
        for (Reaction.Key key : distinct) {
            conditions.add(KEY_CONDITION);
            args.add(key.message().value());
            args.add(key.user().value());
            args.add(key.type().value());
        }
        String sql = SNAPSHOT.formatted(placeholders(messages.size()), String.join(" OR ", conditions));
        return db.read(() -> {
            Map<MessageNumber, ReactionSummary> summaries = new HashMap<>();
            Map<Reaction.Key, Reaction> reactions = new HashMap<>();
            jdbc.query(sql, rs -> {
                MessageNumber message = new MessageNumber(rs.getLong(2));
                if ("s".equals(rs.getString(1))) {
                    summaries.put(message, JsonColumns.summary(rs.getString(3), app, chat, message));
                } else {
                    Reaction reaction = new Reaction(app, chat, message, new UserId(rs.getString(4)),
                            new ReactionType(rs.getString(5)), rs.getLong(6), SqlTimestamps.read(rs, 7),
                            SqlTimestamps.read(rs, 8));
                    reactions.put(reaction.key(), reaction);
                }
            }, args.toArray());
            return new Snapshot(summaries, reactions);
        });
    }

    /** Event ids of the batch already applied; read under the messages' locks, so no applier races with us. */
    private Set<AppEvent> applied(List<ReactionAdded> events) {
        Map<Long, List<String>> idsByApp = new TreeMap<>();
        events.forEach(e -> idsByApp.computeIfAbsent(e.appId().value(), a -> new ArrayList<>()).add(e.eventId()));
        Set<AppEvent> applied = new HashSet<>();
        idsByApp.forEach((app, ids) -> {
            List<String> distinct = ids.stream().distinct().toList();
            List<Object> args = new ArrayList<>();
            args.add(app);
            args.addAll(distinct);
            jdbc.queryForList(APPLIED.formatted(placeholders(distinct.size())), String.class, args.toArray())
                    .forEach(id -> applied.add(new AppEvent(app, id)));
        });
        return applied;
    }

    private ReactionSummary summary(MessageKey message) {
        String json = jdbc.queryForObject(SUMMARY, String.class, message.app(), message.chat(), message.message());
        return JsonColumns.summary(json, new AppId(message.app()), new ChatNumber(message.chat()),
                new MessageNumber(message.message()));
    }

    private Map<Reaction.Key, Reaction> stored(MessageKey message, List<ReactionAdded> events) {
        List<Reaction.Key> keys = events.stream().map(ReactionAdded::key).distinct().toList();
        return byKey(query(message.app(), message.chat(), keys));
    }

    private List<Reaction> query(long app, long chat, List<Reaction.Key> keys) {
        List<Object> args = new ArrayList<>();
        args.add(app);
        args.add(chat);
        List<String> conditions = new ArrayList<>();
        for (Reaction.Key key : keys) {
            conditions.add(KEY_CONDITION);
            args.add(key.message().value());
            args.add(key.user().value());
            args.add(key.type().value());
        }
        return jdbc.query(REACTIONS.formatted(String.join(" OR ", conditions)), reaction(app, chat), args.toArray());
    }

    private static RowMapper<Reaction> reaction(long app, long chat) {
        return (rs, i) -> new Reaction(new AppId(app), new ChatNumber(chat), new MessageNumber(rs.getLong(1)),
                new UserId(rs.getString(2)), new ReactionType(rs.getString(3)), rs.getLong(4),
                SqlTimestamps.read(rs, 5), SqlTimestamps.read(rs, 6));
    }

    private static Map<Reaction.Key, Reaction> byKey(List<Reaction> reactions) {
        Map<Reaction.Key, Reaction> byKey = new HashMap<>();
        reactions.forEach(r -> byKey.put(r.key(), r));
        return byKey;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private record MessageKey(long app, long chat, long message) {
        static MessageKey of(ReactionAdded event) {
            return new MessageKey(event.appId().value(), event.chat().value(), event.message().value());
        }
    }

    private record AppEvent(long app, String eventId) {
    }
}
