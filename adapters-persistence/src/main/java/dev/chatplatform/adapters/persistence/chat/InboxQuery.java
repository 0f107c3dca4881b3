package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.chat.ChatNumber;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One inbox page as SQL: a keyset page in (activity_at DESC, number DESC), never an OFFSET.
 * <ul>
 * <li>all chats, or a q without a short candidate list: a backward range scan of ix_chats_inbox (app_id,
 *     activity_at, number) from the position, q's condition checked on each row until the page is full;</li>
 * <li>participant: the same on chat_participants' ix_chat_participants_inbox (app_id, user_id,
 *     activity_at, chat_number), joined to chats by primary key; STRAIGHT_JOIN keeps the optimiser from
 *     driving the join from chats, which would sort the user's whole inbox for every page;</li>
 * <li>q with candidates (a short list of chats that may match, see {@link JdbcChatStore}): primary-key
 *     lookups of those chats, q checked on each, the few that match sorted.</li>
 * </ul>
 * The position is written {@code a <= ? AND (a < ? OR n < ?)}: the first term bounds the index range, the
 * second drops the rows of the position's instant at or above its number.
 * <p>
 * The index is forced, and the ORDER BY spells out its whole prefix, because the optimiser's estimates do
 * not know the LIMIT: on a few thousand chats MariaDB chose ref access on app_id alone for a deep page,
 * which reads the inbox from its top down to the position (1,550 rows read for a page of 50 at depth
 * 1,500), where the range from the position reads 51. See InboxQueryPlansIT.
 */
record InboxQuery(String sql, List<Object> args) {

    /**
     * What an inbox entry shows beside the chat, all of it copies the writers keep on the chat row: its last
     * message (m_*, null when none is stored: V4), that message's reaction summary, and the chat's receipts
     * folded into one column, COUNT first, so that a list cut short by group_concat_max_len is noticed
     * (InboxPlan reads it again then) (V5, {@link InboxCopies}). A page statement reads chat rows only: the
     * receipts' subquery and the summary's join were 0.4 of its 0.65 ms (docs/performance.md, issue 12).
     * In this order, after {@link ChatRows#COLUMNS}: {@link InboxPlan} reads them by position.
     */
    static final String SHOWN_COLUMNS = """
            c.last_message_body AS m_body, c.last_message_sender AS m_sender, c.last_message_created_at AS m_created_at,
            c.last_message_updated_at AS m_updated_at, c.last_message_summary AS m_summary, c.receipts_folded AS m_receipts""";

    /** A scan along the inbox index from the position. */
    static InboxQuery of(long app, InboxFilter filter, InboxPosition after, int limit) {
        return of(app, filter, null, after, limit, false);
    }

    /**
     * @param candidates when not null, every chat that can match q (the chats mentioning it included):
     *                   they are looked up by primary key instead of scanning the inbox
     */
    static InboxQuery of(long app, InboxFilter filter, Collection<Long> candidates, InboxPosition after, int limit) {
        return of(app, filter, candidates, after, limit, false);
    }

    /**
     * @param shown whether each chat comes with what its inbox entry shows ({@link #SHOWN_COLUMNS}), columns of
     *              its own row
     */
    static InboxQuery of(long app, InboxFilter filter, Collection<Long> candidates, InboxPosition after, int limit,
                         boolean shown) {
        return of(app, filter, candidates, after, limit, shown, false);
    }

    /**
     * A window of the inbox (see ChatStore#window): the next chats along the inbox index from the position,
     * each with its number, its activity and whether its search_text holds the filter's text, which is
     * tested on the rows, not filtered on. No chat row beyond the window is read.
     */
    static InboxQuery window(long app, InboxFilter filter, InboxPosition after, int size) {
        return of(app, filter, null, after, size, false, true);
    }

    private static InboxQuery of(long app, InboxFilter filter, Collection<Long> candidates, InboxPosition after,
                                 int limit, boolean shown, boolean window) {
        boolean byParticipant = filter.participant() != null;
        String activity = byParticipant ? "p.activity_at" : "c.activity_at";
        String number = byParticipant ? "p.chat_number" : "c.number";
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> args = new ArrayList<>();
        String columns = ChatRows.COLUMNS + (shown ? ", " + SHOWN_COLUMNS : "");
        if (window) {
            columns = number + " AS number, " + activity + " AS activity_at, "
                    + (filter.text() == null ? "FALSE" : "c.search_text LIKE ? ESCAPE '!'") + " AS text_match";
            if (filter.text() != null) {
                args.add(SearchText.pattern(filter.text()));
            }
        }
        if (byParticipant) {
            sql.append("STRAIGHT_JOIN ").append(columns)
                    .append(" FROM chat_participants p FORCE INDEX (ix_chat_participants_inbox)")
                    .append(" JOIN chats c ON c.app_id = p.app_id AND c.number = p.chat_number")
                    .append(" WHERE p.app_id = ? AND p.user_id = ?");
            args.add(app);
            args.add(filter.participant().value());
        } else if (candidates != null) {
            sql.append(columns).append(" FROM chats c FORCE INDEX (PRIMARY)")
                    .append(" WHERE c.app_id = ? AND c.number IN (").append(SearchText.placeholders(candidates.size())).append(')');
            args.add(app);
            candidates.stream().sorted().forEach(args::add);
        } else {
            sql.append(columns).append(" FROM chats c FORCE INDEX (ix_chats_inbox)").append(" WHERE c.app_id = ?");
            args.add(app);
        }
        if (filter.text() != null && !window) {
            sql.append(" AND (c.search_text LIKE ? ESCAPE '!'");
            args.add(SearchText.pattern(filter.text()));
            if (!filter.mentionedIn().isEmpty()) {
                sql.append(" OR c.number IN (").append(SearchText.placeholders(filter.mentionedIn().size())).append(')');
                filter.mentionedIn().stream().map(ChatNumber::value).sorted().forEach(args::add);
            }
            sql.append(')');
        }
        if (after != null) {
            String at = SqlTimestamps.format(after.activityAt());
            sql.append(" AND ").append(activity).append(" <= ? AND (").append(activity).append(" < ? OR ")
                    .append(number).append(" < ?)");
            args.add(at);
            args.add(at);
            args.add(after.number());
        }
        String prefix = byParticipant ? "p.app_id DESC, p.user_id DESC, " : candidates == null ? "c.app_id DESC, " : "";
        sql.append(" ORDER BY ").append(prefix).append(activity).append(" DESC, ").append(number).append(" DESC LIMIT ?");
        args.add(limit);
        return new InboxQuery(sql.toString(), List.copyOf(args));
    }
}
