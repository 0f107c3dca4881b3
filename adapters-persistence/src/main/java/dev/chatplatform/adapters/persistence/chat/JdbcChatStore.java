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

    /**
     * How many candidate chats are looked up rather than the inbox scanned, at the least. Each costs a
     * primary-key lookup; so does each row a scan checks (search_text lives in the row, not the index),
     * and a scan for q held by n of the application's c chats reads about limit * c / n rows to fill a
     * page. Lookups win while n < sqrt(limit * c): the budget is that, never under this floor (small
     * applications) nor over {@link #MAX_CANDIDATES_CEILING}. With 103,000 chats and pages of 50 it is
     * about 2,300, where a name held by 1,300 chats went from a 220 ms scan to a lookup.
     */
    static final int MAX_CANDIDATES = 1_000;
    static final int MAX_CANDIDATES_CEILING = 10_000;

    private static final int PROBES = 6;

    /** How many chats hold a gram, counted no further than the budget (index only). */
    private static final String COUNT_GRAM = """
            (SELECT ? AS i, COUNT(*) AS n FROM (SELECT chat_number FROM chat_search_grams
             WHERE app_id = ? AND gram = ? LIMIT ?) g)""";

    private static final String GRAM_CHATS = "SELECT chat_number FROM chat_search_grams WHERE app_id = ? AND gram = ?";

    private static final String STORED = "SELECT number FROM chats WHERE app_id = ? AND number IN (%s)";

    private static final String FIND = "SELECT " + ChatRows.COLUMNS + " FROM chats c WHERE c.app_id = ? AND c.number = ?";

    private final JdbcTemplate jdbc;
    private final CountChanges countChanges;
    private final SearchText searchText;
    private final Db db;

    public JdbcChatStore(JdbcTemplate jdbc, CountChanges countChanges, SearchText searchText, Db db) {
        this.jdbc = jdbc;
        this.countChanges = countChanges;
        this.searchText = searchText;
        this.db = db;
    }

    @Override
    public Optional<Chat> find(AppId app, ChatNumber number) {
        return db.read(() -> jdbc.query(FIND, ChatRows.CHAT, app.value(), number.value()).stream().findFirst());
    }

    @Override
    public List<Chat> page(AppId app, InboxFilter filter, InboxPosition after, int limit) {
        InboxFilter given = filter == null ? InboxFilter.ALL : filter;
        return db.read(() -> {
            Set<Long> candidates = candidates(app.value(), given, limit);
            if (candidates != null && candidates.isEmpty()) {
                return List.of();
            }
            InboxQuery query = InboxQuery.of(app.value(), given, candidates, after, limit);
            return jdbc.query(query.sql(), ChatRows.CHAT, query.args().toArray());
        });
    }

    /**
     * Every chat a q may match, when that is a short list; null when the inbox is better scanned. A chat
     * whose search text contains q contains each of q's grams, so the chats holding q's rarest gram (of a
     * few probed) plus the chats mentioning q are all the candidates. A rare q thus costs a few hundred
     * primary-key lookups, not a scan of every chat of the application; a common q (no probed gram under
     * the budget of chats, see {@link #MAX_CANDIDATES}) fills its page early in the scan instead. The participant filter
     * keeps its own index: one user's inbox is short.
     */
    Set<Long> candidates(long app, InboxFilter filter, int limit) {
        if (filter.text() == null || filter.participant() != null) {
            return null;
        }
        int budget = candidateBudget(app, limit) - filter.mentionedIn().size();
        List<String> probes = probes(SearchText.lowercase(filter.text()));
        if (probes.isEmpty() || budget <= 0) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(COUNT_GRAM);
            args.add(i);
            args.add(app);
            args.add(probes.get(i));
            args.add(budget + 1);
        }
        int rarest = -1;
        long fewest = Long.MAX_VALUE;
        for (Map<String, Object> row : jdbc.queryForList(sql.toString(), args.toArray())) {
            long count = ((Number) row.get("n")).longValue();
            if (count < fewest) {
                fewest = count;
                rarest = ((Number) row.get("i")).intValue();
            }
        }
        if (fewest > budget) {
            return null;
        }
        Set<Long> candidates = new TreeSet<>(jdbc.queryForList(GRAM_CHATS, Long.class, app, probes.get(rarest)));
        filter.mentionedIn().forEach(chat -> candidates.add(chat.value()));
        return candidates;
    }

    /** sqrt(limit * the application's chats), within [MAX_CANDIDATES, MAX_CANDIDATES_CEILING]. */
    private int candidateBudget(long app, int limit) {
        Long chats = jdbc.query("SELECT chats_count FROM apps WHERE id = ?", rs -> rs.next() ? rs.getLong(1) : 0L, app);
        long budget = Math.round(Math.sqrt((double) Math.max(1, limit) * (chats == null ? 0 : chats)));
        return (int) Math.max(MAX_CANDIDATES, Math.min(MAX_CANDIDATES_CEILING, budget));
    }

    /** Up to {@link #PROBES} of q's grams, spread over it: any of them narrows the candidates correctly. */
    private static List<String> probes(String lowercasedQ) {
        List<String> grams = new ArrayList<>();
        int[] codePoints = lowercasedQ.codePoints().toArray();
        int count = codePoints.length - SearchText.GRAM_LENGTH + 1;
        if (count <= 0) {
            return grams;
        }
        for (int i = 0; i < Math.min(PROBES, count); i++) {
            int start = PROBES >= count ? i : (int) ((long) i * (count - 1) / (PROBES - 1));
            String gram = new String(codePoints, start, SearchText.GRAM_LENGTH);
            if (!grams.contains(gram)) {
                grams.add(gram);
            }
        }
        return grams;
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
