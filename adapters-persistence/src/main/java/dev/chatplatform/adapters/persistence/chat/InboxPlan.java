package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.application.port.out.ChatStore.InboxEntry;
import dev.chatplatform.application.port.out.ChatStore.InboxSlot;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one inbox page is read: for a q, the candidate lookups that decide between primary-key lookups and a
 * scan of the inbox index, then the page's statement ({@link InboxQuery}). {@link JdbcChatStore} reads
 * through it inside its read transaction; the benchmarks' bare-SQL probe reads through it on a plain
 * connection, outside any transaction, so the floor it reports is this adapter's SQL, not a copy of it.
 */
public final class InboxPlan {

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

    private static final String SLOTS = "SELECT number, activity_at, FALSE FROM chats WHERE app_id = ? AND number IN (%s)";

    private static final String LAST_MESSAGE = """
            SELECT m.body, m.sender, s.summary, m.created_at, m.updated_at FROM messages m
              LEFT JOIN message_reactions s ON s.app_id = m.app_id AND s.chat_number = m.chat_number AND s.message_number = m.number
             WHERE m.app_id = ? AND m.chat_number = ? AND m.number = ?""";

    private static final String RECEIPTS_OF_CHAT = """
            SELECT user_id, delivered_up_to, read_up_to, updated_at FROM receipts WHERE app_id = ? AND chat_number = ?""";

    private final JdbcTemplate jdbc;

    public InboxPlan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of chats, newest activity first, as the plan below reads it. */
    public List<Chat> read(long app, InboxFilter filter, InboxPosition after, int limit) {
        return page(app, filter, after, limit)
                .map(query -> jdbc.query(query.sql(), ChatRows.CHAT, query.args().toArray()))
                .orElse(List.of());
    }

    /** The place in the inbox of each of these chats that exists. */
    public List<InboxSlot> slots(long app, Set<Long> chats) {
        if (chats.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(app);
        args.addAll(new TreeSet<>(chats));
        return jdbc.query(SLOTS.formatted(SearchText.placeholders(chats.size())), SLOT, args.toArray());
    }

    private static final RowMapper<InboxSlot> SLOT = (rs, row) -> new InboxSlot(new ChatNumber(rs.getLong(1)),
            SqlTimestamps.read(rs, 2), rs.getBoolean(3));

    /** A window of the inbox: see {@link InboxQuery#window}. */
    public List<InboxSlot> window(long app, InboxFilter filter, InboxPosition after, int size) {
        InboxQuery query = InboxQuery.window(app, filter, after, size);
        return jdbc.query(query.sql(), SLOT, query.args().toArray());
    }

    /**
     * One page of chats as it is shown, newest activity first: each with its last message and receipts, in the
     * page's one statement ({@link InboxQuery#SHOWN_COLUMNS}).
     */
    public List<InboxEntry> readEntries(long app, InboxFilter filter, InboxPosition after, int limit) {
        return page(app, filter, after, limit, true)
                .map(query -> jdbc.query(query.sql(), this::entry, query.args().toArray()))
                .orElse(List.of());
    }

    private InboxEntry entry(ResultSet rs, int row) throws SQLException {
        Chat chat = ChatRows.CHAT.mapRow(rs, row);
        AppId app = chat.appId();
        Message last = null;
        // InboxQuery.SHOWN_COLUMNS, after the chat's: body, sender, created_at, updated_at, summary, receipts.
        int shown = ChatRows.COLUMN_COUNT;
        String body = rs.getString(shown + 1);
        MessageNumber number = chat.lastMessageNumber() == 0 ? null : MessageNumber.of(chat.lastMessageNumber());
        if (body != null && number != null) {
            String sender = rs.getString(shown + 2);
            last = new Message(app, chat.number(), number, new MessageBody(body), sender == null ? null : new UserId(sender),
                    JsonColumns.summary(rs.getString(shown + 5), app, chat.number(), number),
                    SqlTimestamps.read(rs, shown + 3), SqlTimestamps.read(rs, shown + 4));
        } else if (number != null) {
            last = lastMessage(app, chat.number(), number); // a row the worker has not copied it to (none should be)
        }
        return new InboxEntry(chat, last, receipts(app, chat.number(), rs.getString(shown + 6)));
    }

    private Message lastMessage(AppId app, ChatNumber chat, MessageNumber number) {
        return jdbc.query(LAST_MESSAGE, (rs, row) -> {
            String sender = rs.getString(2);
            return new Message(app, chat, number, new MessageBody(rs.getString(1)), sender == null ? null : new UserId(sender),
                    JsonColumns.summary(rs.getString(3), app, chat, number), SqlTimestamps.read(rs, 4), SqlTimestamps.read(rs, 5));
        }, app.value(), chat.value(), number.value()).stream().findFirst().orElse(null);
    }

    /**
     * m_receipts: "count user delivered read micros user ...", or null: none. Read again on its own when the list
     * was cut short.
     */
    private Map<UserId, Receipt> receipts(AppId app, ChatNumber chat, String folded) {
        return InboxCopies.unfoldReceipts(app, chat, folded).orElseGet(() -> receiptsOf(jdbc, app, chat));
    }

    /** The chat's stored receipts, from the receipts table. */
    static Map<UserId, Receipt> receiptsOf(JdbcTemplate jdbc, AppId app, ChatNumber chat) {
        Map<UserId, Receipt> byUser = new HashMap<>();
        jdbc.query(RECEIPTS_OF_CHAT, rs -> {
            UserId user = new UserId(rs.getString(1));
            byUser.put(user, new Receipt(app, chat, user, rs.getLong(2), rs.getLong(3), SqlTimestamps.read(rs, 4)));
        }, app.value(), chat.value());
        return byUser;
    }

    /**
     * The statement that reads the page, after whatever candidate lookups q needs; empty when q can match
     * no chat at all (the page is empty without reading the inbox).
     */
    Optional<InboxQuery> page(long app, InboxFilter filter, InboxPosition after, int limit) {
        return page(app, filter, after, limit, false);
    }

    private Optional<InboxQuery> page(long app, InboxFilter filter, InboxPosition after, int limit, boolean shown) {
        Set<Long> candidates = candidates(app, filter, limit);
        if (candidates != null && candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(InboxQuery.of(app, filter, candidates, after, limit, shown));
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
        if (filter.among() != null) {
            return new TreeSet<>(filter.among().stream().map(ChatNumber::value).toList());
        }
        if (filter.text() == null || filter.participant() != null) {
            return null;
        }
        String rarest = rarestGram(app, filter.text(), candidateBudget(app, limit) - filter.mentionedIn().size());
        if (rarest == null) {
            return null;
        }
        Set<Long> candidates = new TreeSet<>(jdbc.queryForList(GRAM_CHATS, Long.class, app, rarest));
        filter.mentionedIn().forEach(chat -> candidates.add(chat.value()));
        return candidates;
    }

    /** The rarest of q's probed grams when at most {@code budget} chats hold it; null when none is (or q is too short). */
    private String rarestGram(long app, String text, int budget) {
        List<String> probes = probes(SearchText.lowercase(text));
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
        return fewest > budget ? null : probes.get(rarest);
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
}
