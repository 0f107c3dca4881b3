package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.counts.CountChanges;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chats and their participants. Lock order, shared with the other writers so that none deadlocks with
 * another: count_changes, then chat_participants, then chats, then chat_search_grams. One exception is
 * unavoidable: a chat's save reads its users' rows last, with shared locks (see {@link SearchText#refresh}),
 * so a chat's save and a save of one of its users at the same moment can deadlock; the loser is rolled
 * back whole and the worker retries it (SearchTextConcurrencyIT).
 */
@Repository
public class JdbcChatStore implements ChatStore {

    /**
     * Insert, or take the new title only when the state is newer (updated_at is the version), so a
     * redelivered or late command changes nothing. Participants are never updated: written once.
     * Assignments run left to right: title reads the old updated_at. VALUES() rather than a row alias:
     * MariaDB accepts only this form.
     */
    private static final String UPSERT = """
            INSERT INTO chats (app_id, number, title, participants, search_text, activity_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              title = IF(VALUES(updated_at) > updated_at, VALUES(title), title),
              updated_at = GREATEST(updated_at, VALUES(updated_at))""";

    /**
     * A chat's participants, before the chat row (see the lock order). A new chat's activity is its
     * creation; if its messages came first, the reconciler moves both copies of activity_at (its count
     * change is marked here). An existing row keeps its activity.
     */
    private static final String ADD_PARTICIPANT = """
            INSERT INTO chat_participants (app_id, chat_number, user_id, activity_at) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE activity_at = activity_at""";

    private static final String STORED = "SELECT number FROM chats WHERE app_id = ? AND number IN (%s)";

    private static final String FIND = "SELECT " + ChatRows.COLUMNS + " FROM chats c WHERE c.app_id = ? AND c.number = ?";
    private static final String FIND_WITH_RECEIPTS =
            "SELECT " + ChatRows.COLUMNS + ", c.receipts_folded FROM chats c WHERE c.app_id = ? AND c.number = ?";

    private final JdbcTemplate jdbc;
    private final InboxPlan inbox;
    private final CountChanges countChanges;
    private final SearchText searchText;
    private final Db db;

    public JdbcChatStore(JdbcTemplate jdbc, CountChanges countChanges, SearchText searchText, Db db) {
        this.jdbc = jdbc;
        this.inbox = new InboxPlan(jdbc);
        this.countChanges = countChanges;
        this.searchText = searchText;
        this.db = db;
    }

    @Override
    public Optional<Chat> find(AppId app, ChatNumber number) {
        return db.read(() -> jdbc.query(FIND, ChatRows.CHAT, app.value(), number.value()).stream().findFirst());
    }

    /**
     * The receipts from their copy on the chat row ({@link InboxCopies}), which every receipt write keeps current
     * in its own transaction. A null copy is left to the receipts table: the chat may have none, or its row may
     * have been stored after its receipts (the count reconciler copies them then), and a page of messages shows
     * each message's status from them exactly.
     */
    @Override
    public Optional<ChatWithReceipts> findWithReceipts(AppId app, ChatNumber number) {
        return db.read(() -> jdbc.query(FIND_WITH_RECEIPTS, (rs, row) -> {
            String folded = rs.getString(ChatRows.COLUMN_COUNT + 1);
            return new ChatWithReceipts(ChatRows.CHAT.mapRow(rs, row),
                    folded == null ? Optional.empty() : InboxCopies.unfoldReceipts(app, number, folded));
        }, app.value(), number.value()).stream().findFirst());
    }

    @Override
    public List<Chat> page(AppId app, InboxFilter filter, InboxPosition after, int limit) {
        InboxFilter given = filter == null ? InboxFilter.ALL : filter;
        return db.read(() -> inbox.read(app.value(), given, after, limit));
    }

    @Override
    public List<InboxEntry> inbox(AppId app, InboxFilter filter, InboxPosition after, int limit) {
        InboxFilter given = filter == null ? InboxFilter.ALL : filter;
        return db.read(() -> inbox.readEntries(app.value(), given, after, limit));
    }

    @Override
    public List<InboxSlot> slots(AppId app, Set<ChatNumber> chats) {
        return db.read(() -> inbox.slots(app.value(), chats.stream().map(ChatNumber::value)
                .collect(java.util.stream.Collectors.toSet())));
    }

    @Override
    public List<InboxSlot> window(AppId app, InboxFilter filter, InboxPosition after, int size) {
        return db.read(() -> inbox.window(app.value(), filter, after, size));
    }

    @Override
    public void saveAll(List<Chat> chats) {
        // A fixed lock order keeps concurrent batches from deadlocking each other.
        List<Chat> ordered = chats.stream()
                .sorted(Comparator.comparingLong((Chat c) -> c.appId().value()).thenComparingLong(c -> c.number().value()))
                .toList();
        db.writeAll(() -> upsert(ordered));
    }

    private void upsert(List<Chat> ordered) {
        // The chat's own scope too: its messages may have been persisted before it.
        countChanges.markChats(ordered.stream().map(c -> new CountChanges.Scope(c.appId().value(), c.number().value())).toList());
        List<Participant> participants = new ArrayList<>();
        Set<Key> stored = stored(ordered);
        for (Chat chat : ordered) {
            if (stored.contains(new Key(chat.appId().value(), chat.number().value()))) {
                continue; // its participants were written with it, and are never rewritten
            }
            for (UserId user : new TreeSet<>(chat.participants())) {
                participants.add(new Participant(chat, user));
            }
        }
        jdbc.batchUpdate(ADD_PARTICIPANT, participants, participants.size(), (ps, participant) -> {
            ps.setLong(1, participant.chat().appId().value());
            ps.setLong(2, participant.chat().number().value());
            ps.setString(3, participant.user().value());
            ps.setString(4, SqlTimestamps.format(participant.chat().createdAt()));
        });
        jdbc.batchUpdate(UPSERT, ordered, ordered.size(), (ps, chat) -> {
            ps.setLong(1, chat.appId().value());
            ps.setLong(2, chat.number().value());
            ps.setString(3, chat.optionalTitle().map(t -> t.value()).orElse(null));
            ps.setString(4, JsonColumns.participants(chat.participants()));
            ps.setString(5, null); // written by the refresh below, with its grams
            ps.setString(6, SqlTimestamps.format(chat.createdAt()));
            ps.setString(7, SqlTimestamps.format(chat.createdAt()));
            ps.setString(8, SqlTimestamps.format(chat.updatedAt()));
        });
        TreeMap<Long, SortedSet<Long>> byApp = new TreeMap<>();
        ordered.forEach(chat -> byApp.computeIfAbsent(chat.appId().value(), a -> new TreeSet<>()).add(chat.number().value()));
        byApp.forEach((app, numbers) -> searchText.refresh(app, numbers, true));
    }

    /** The chats of the batch already stored. Not locked: only their existence matters, and that never changes. */
    private Set<Key> stored(List<Chat> ordered) {
        Set<Key> stored = new HashSet<>();
        Map<Long, List<Long>> byApp = new TreeMap<>();
        ordered.forEach(chat -> byApp.computeIfAbsent(chat.appId().value(), a -> new ArrayList<>()).add(chat.number().value()));
        byApp.forEach((app, numbers) -> {
            List<Object> args = new ArrayList<>();
            args.add(app);
            args.addAll(numbers);
            jdbc.queryForList(STORED.formatted(SearchText.placeholders(numbers.size())), Long.class, args.toArray())
                    .forEach(number -> stored.add(new Key(app, number)));
        });
        return stored;
    }

    private record Participant(Chat chat, UserId user) {
    }

    private record Key(long app, long number) {
    }
}
