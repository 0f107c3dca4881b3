package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an inbox page shows of a chat besides its own columns, kept on the chat row by whoever writes its
 * source (V4, V5), so that a page statement reads chat rows only: the last message's reaction summary and the
 * chat's receipts, folded. Each copy is written from its source table in the transaction that changed the
 * source, after the change, so it is never behind a committed state. The last message's own fields are kept
 * by the message store's chat touch; the count reconciler repairs all of them for a chat whose row came late.
 */
public final class InboxCopies {

    /**
     * A chat's receipts as one string: their count, then user, delivered, read and updated_at in microseconds
     * for each. The count comes first so that a list cut short by group_concat_max_len is noticed (the inbox
     * reads the chat's receipts on their own then).
     */
    public static final String FOLDED_RECEIPTS = """
            (SELECT IF(COUNT(*) = 0, NULL, CONCAT(COUNT(*), ' ', GROUP_CONCAT(r.user_id, ' ', r.delivered_up_to, ' ',
                    r.read_up_to, ' ', TIMESTAMPDIFF(MICROSECOND, '1970-01-01', r.updated_at) ORDER BY r.user_id SEPARATOR ' ')))
               FROM receipts r WHERE r.app_id = c.app_id AND r.chat_number = c.number)""";

    /** The copy of the last message's summary, from message_reactions (none: null). */
    static final String LAST_MESSAGE_SUMMARY = """
            (SELECT s.summary FROM message_reactions s
              WHERE s.app_id = c.app_id AND s.chat_number = c.number AND s.message_number = c.last_message_number)""";

    private static final String REFRESH_RECEIPTS =
            "UPDATE chats c SET c.receipts_folded = " + FOLDED_RECEIPTS + " WHERE c.app_id = ? AND c.number IN (%s)";

    private static final String REFRESH_SUMMARY =
            "UPDATE chats c SET c.last_message_summary = " + LAST_MESSAGE_SUMMARY + " WHERE c.app_id = ? AND c.number IN (%s)";

    private InboxCopies() {
    }

    /**
     * A chat's receipts from their folded copy ({@link #FOLDED_RECEIPTS}): none when the copy is null or says 0;
     * empty when it was cut short (its count and its fields disagree), and then only the receipts table has them.
     */
    public static Optional<Map<UserId, Receipt>> unfoldReceipts(AppId app, ChatNumber chat, String folded) {
        if (folded == null) {
            return Optional.of(Map.of());
        }
        String[] fields = folded.split(" ");
        int count = Integer.parseInt(fields[0]);
        if (fields.length != 1 + 4 * count) {
            return Optional.empty();
        }
        Map<UserId, Receipt> byUser = new HashMap<>(count * 2);
        for (int i = 1; i < fields.length; i += 4) {
            UserId user = new UserId(fields[i]);
            long micros = Long.parseLong(fields[i + 3]);
            byUser.put(user, new Receipt(app, chat, user, Long.parseLong(fields[i + 1]), Long.parseLong(fields[i + 2]),
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS)));
        }
        return Optional.of(byUser);
    }

    /** After receipts of these chats were written: their folded copies, chat rows in key order. */
    public static void refreshReceipts(JdbcTemplate jdbc, Collection<Map.Entry<Long, Long>> chats) {
        refresh(jdbc, REFRESH_RECEIPTS, chats);
    }

    /**
     * After reactions of these chats' messages were applied: the copies of their last messages' summaries
     * (a chat whose reactions were on older messages gets the same value again).
     */
    public static void refreshLastMessageSummaries(JdbcTemplate jdbc, Collection<Map.Entry<Long, Long>> chats) {
        refresh(jdbc, REFRESH_SUMMARY, chats);
    }

    /** @param chats (application, chat number) pairs, in any order and with repeats */
    private static void refresh(JdbcTemplate jdbc, String sql, Collection<Map.Entry<Long, Long>> chats) {
        TreeMap<Long, SortedSet<Long>> byApp = new TreeMap<>();
        chats.forEach(chat -> byApp.computeIfAbsent(chat.getKey(), app -> new TreeSet<>()).add(chat.getValue()));
        byApp.forEach((app, numbers) -> {
            List<Object> args = new ArrayList<>(numbers.size() + 1);
            args.add(app);
            args.addAll(numbers);
            jdbc.update(sql.formatted(SearchText.placeholders(numbers.size())), args.toArray());
        });
    }
}
