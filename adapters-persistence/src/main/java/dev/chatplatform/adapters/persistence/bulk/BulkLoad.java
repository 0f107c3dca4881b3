package dev.chatplatform.adapters.persistence.bulk;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.chat.SearchText;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bulk loads into an application that is empty (just created, nothing written to it yet): the rows the
 * worker would have written, with the derived data (counts, last message, activity, reaction summaries)
 * given up front instead of reconciled later. For the data set generator (scripts/dataset.sh), which
 * loads millions of messages and cannot afford the stores' per-batch count_changes marks, activity touches
 * and reaction events. Users and receipts need nothing of the kind: they go through their own stores.
 *
 * <p>Plain multi-row INSERTs (the driver rewrites each batch of {@link #ROWS_PER_STATEMENT} rows into one
 * statement): a row that already exists fails the call with a duplicate key instead of being merged, and
 * nothing is marked in count_changes, so the reconciler never recounts what was loaded. Each method is one
 * transaction; the caller picks the batch size and may call from several threads on disjoint rows.
 */
@Component
public class BulkLoad {

    /** Rows per multi-row INSERT: large enough to amortise the round trip, well under max_allowed_packet. */
    private static final int ROWS_PER_STATEMENT = 2_000;

    private static final String INSERT_CHAT = """
            INSERT INTO chats (app_id, number, title, participants, search_text, messages_count, last_message_at,
                               last_message_number, activity_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PARTICIPANT = """
            INSERT INTO chat_participants (app_id, chat_number, user_id, activity_at) VALUES (?, ?, ?, ?)""";
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (app_id, chat_number, number, body, sender, created_at, updated_at, reaction_summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SUMMARY = """
            INSERT INTO message_reactions (app_id, chat_number, message_number, summary) VALUES (?, ?, ?, ?)""";
    private static final String INSERT_REACTION = """
            INSERT INTO reactions (app_id, chat_number, message_number, user_id, type, score, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_RESERVATION = """
            INSERT INTO number_reservations (app_id, scope, reserved_up_to) VALUES (?, ?, ?)""";
    private static final String COPY_LAST_MESSAGE = """
            UPDATE chats SET last_message_body = ?, last_message_sender = ?, last_message_created_at = ?,
                             last_message_updated_at = ?, last_message_summary = ?
             WHERE app_id = ? AND number = ? AND last_message_number = ?""";
    private static final String SET_CHATS_COUNT = "UPDATE apps SET chats_count = ? WHERE id = ?";

    private final JdbcTemplate jdbc;
    private final SearchText searchText;
    private final Db db;

    public BulkLoad(JdbcTemplate jdbc, SearchText searchText, Db db) {
        this.jdbc = jdbc;
        this.searchText = searchText;
        this.db = db;
    }

    /**
     * Chats with their participants and their derived columns as given (messages_count, the last message),
     * their activity the later of creation and last message. Without search text: see {@link #searchText}.
     */
    public void chats(List<Chat> chats) {
        List<Participant> participants = new ArrayList<>();
        for (Chat chat : chats) {
            for (UserId user : new TreeSet<>(chat.participants())) {
                participants.add(new Participant(chat, user));
            }
        }
        db.writeAll(() -> {
            jdbc.batchUpdate(INSERT_PARTICIPANT, participants, ROWS_PER_STATEMENT, (ps, participant) -> {
                ps.setLong(1, participant.chat().appId().value());
                ps.setLong(2, participant.chat().number().value());
                ps.setString(3, participant.user().value());
                ps.setString(4, SqlTimestamps.format(participant.chat().activityAt()));
            });
            jdbc.batchUpdate(INSERT_CHAT, chats, ROWS_PER_STATEMENT, (ps, chat) -> {
                ps.setLong(1, chat.appId().value());
                ps.setLong(2, chat.number().value());
                ps.setString(3, chat.optionalTitle().map(t -> t.value()).orElse(null));
                ps.setString(4, JsonColumns.participants(chat.participants()));
                ps.setLong(5, chat.messagesCount());
                ps.setString(6, SqlTimestamps.format(chat.lastMessageAt()));
                ps.setLong(7, chat.lastMessageNumber());
                ps.setString(8, SqlTimestamps.format(chat.activityAt()));
                ps.setString(9, SqlTimestamps.format(chat.createdAt()));
                ps.setString(10, SqlTimestamps.format(chat.updatedAt()));
            });
        });
    }

    /**
     * The search text of loaded chats and its grams, exactly as a chat's save writes them, from the chats'
     * participants and the users already loaded. Locks the chats' rows, not the users' (nothing else writes
     * them during a load), so calls on disjoint chats run in parallel.
     */
    public void searchText(AppId app, Collection<ChatNumber> chats) {
        SortedSet<Long> numbers = new TreeSet<>();
        chats.forEach(chat -> numbers.add(chat.value()));
        db.writeAll(() -> searchText.refresh(app.value(), numbers, false));
    }

    /**
     * Messages with their reaction summaries (a message without reactions gets no summary row), and the
     * reactions those summaries sum up. The chats' derived columns are not touched: {@link #chats} wrote them.
     */
    public void messages(List<Message> messages, List<Reaction> reactions) {
        List<Message> reacted = messages.stream().filter(m -> !m.reactions().isEmpty()).toList();
        db.writeAll(() -> {
            jdbc.batchUpdate(INSERT_MESSAGE, messages, ROWS_PER_STATEMENT, (ps, m) -> {
                ps.setLong(1, m.appId().value());
                ps.setLong(2, m.chatNumber().value());
                ps.setLong(3, m.number().value());
                ps.setString(4, m.body().value());
                ps.setString(5, m.sender() == null ? null : m.sender().value());
                ps.setString(6, SqlTimestamps.format(m.createdAt()));
                ps.setString(7, SqlTimestamps.format(m.updatedAt()));
                ps.setString(8, m.reactions().isEmpty() ? null : JsonColumns.summary(m.reactions()));
            });
            jdbc.batchUpdate(INSERT_SUMMARY, reacted, ROWS_PER_STATEMENT, (ps, m) -> {
                ps.setLong(1, m.appId().value());
                ps.setLong(2, m.chatNumber().value());
                ps.setLong(3, m.number().value());
                ps.setString(4, JsonColumns.summary(m.reactions()));
            });
            jdbc.batchUpdate(INSERT_REACTION, reactions, ROWS_PER_STATEMENT, (ps, r) -> {
                ps.setLong(1, r.appId().value());
                ps.setLong(2, r.chat().value());
                ps.setLong(3, r.message().value());
                ps.setString(4, r.user().value());
                ps.setString(5, r.type().value());
                ps.setLong(6, r.score());
                ps.setString(7, SqlTimestamps.format(r.createdAt()));
                ps.setString(8, SqlTimestamps.format(r.updatedAt()));
            });
            copyLastMessages(messages);
        });
    }

    /**
     * The copies of the last message a chat row keeps for the inbox (V4, with its reaction summary: V5), for
     * the batch's chats whose last message this batch holds: the batch's highest message of each chat, written
     * where it is the chat's last.
     * Nothing is read from messages (a join on them locked rows another batch was inserting: parallel batches
     * deadlocked at 5M messages), and the chat rows are updated in key order, so parallel batches only queue.
     */
    private void copyLastMessages(List<Message> messages) {
        Map<List<Long>, Message> highest = new TreeMap<>(java.util.Comparator
                .<List<Long>>comparingLong(key -> key.get(0)).thenComparingLong(key -> key.get(1)));
        for (Message m : messages) {
            highest.merge(List.of(m.appId().value(), m.chatNumber().value()), m,
                    (was, now) -> now.number().value() > was.number().value() ? now : was);
        }
        jdbc.batchUpdate(COPY_LAST_MESSAGE, List.copyOf(highest.values()), ROWS_PER_STATEMENT, (ps, m) -> {
            ps.setString(1, m.body().value());
            ps.setString(2, m.sender() == null ? null : m.sender().value());
            ps.setString(3, SqlTimestamps.format(m.createdAt()));
            ps.setString(4, SqlTimestamps.format(m.updatedAt()));
            ps.setString(5, m.reactions().isEmpty() ? null : JsonColumns.summary(m.reactions()));
            ps.setLong(6, m.appId().value());
            ps.setLong(7, m.chatNumber().value());
            ps.setLong(8, m.number().value());
        });
    }

    /** The durable reservations of number sequences, as {@code NumberReservations.reserveUpTo} would keep them. */
    public void numberReservations(List<Reservation> reservations) {
        db.writeAll(() -> jdbc.batchUpdate(INSERT_RESERVATION, reservations, ROWS_PER_STATEMENT, (ps, r) -> {
            ps.setLong(1, r.sequence().app().value());
            ps.setLong(2, r.sequence().scope());
            ps.setLong(3, r.reservedUpTo());
        }));
    }

    /** The application's chats_count, as the reconciler would have counted it. */
    public void chatsCount(AppId app, long chats) {
        db.writeAll(() -> jdbc.update(SET_CHATS_COUNT, chats, app.value()));
    }

    /** A sequence's durable reservation: every number of it handed out is at or below {@code reservedUpTo}. */
    public record Reservation(NumberSequence sequence, long reservedUpTo) {
    }

    private record Participant(Chat chat, UserId user) {
    }
}
