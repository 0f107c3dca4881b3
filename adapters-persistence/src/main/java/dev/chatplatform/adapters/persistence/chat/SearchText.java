package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Keeps chats.search_text, what the inbox's q is matched against: the title and every participant's name
 * and phone, lowercased here the same way {@link #pattern} lowercases q, in a binary column. Computed in
 * Java rather than with LOWER() so that both sides of the LIKE are lowercased by one function. Also keeps
 * its grams in chat_search_grams, in step, under the chat row's lock.
 */
@Component
public class SearchText {

    /** Between fields, so that q cannot match across a name and a phone unless it holds this very character. */
    private static final String SEPARATOR = "\u001f";
    private static final char ESCAPE = '!';

    private static final String LOCK_CHATS = """
            SELECT number, title, participants, search_text FROM chats WHERE app_id = ? AND number IN (%s)
            ORDER BY number FOR UPDATE""";

    private static final String USERS = """
            SELECT user_id, name, phone FROM users WHERE app_id = ? AND user_id IN (%s) ORDER BY user_id""";

    private static final String SET = "UPDATE chats SET search_text = ? WHERE app_id = ? AND number = ?";

    private static final String ADD_GRAM = """
            INSERT INTO chat_search_grams (app_id, gram, chat_number) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE chat_number = chat_number""";

    private static final String REMOVE_GRAM = "DELETE FROM chat_search_grams WHERE app_id = ? AND gram = ? AND chat_number = ?";

    /** How many characters a gram has: a q shorter than this cannot be looked up by its grams. */
    static final int GRAM_LENGTH = 3;

    private final JdbcTemplate jdbc;

    public SearchText(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** q as a LIKE pattern (escaped with {@code '!'}) that finds it anywhere in a search_text. */
    static String pattern(String q) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : lowercase(q).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    static String lowercase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * Recomputes the search_text of these chats of one application, locking their rows in number order
     * first (a fixed order: concurrent refreshes of overlapping chats never deadlock).
     *
     * @param lockUsers whether to read the users with shared locks. A chat's own save needs them: a user
     *                  saved concurrently may not have seen this chat's participant rows yet, so this
     *                  transaction must wait for its commit to see the new name. A user save does not: any
     *                  other user save it races with refreshes the chat again after it, under the chat's lock.
     */
    public void refresh(long app, SortedSet<Long> chats, boolean lockUsers) {
        if (chats.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        args.add(app);
        args.addAll(chats);
        List<Row> rows = jdbc.query(LOCK_CHATS.formatted(placeholders(chats.size())),
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), JsonColumns.participants(rs.getString(3)),
                        rs.getString(4)),
                args.toArray());
        SortedSet<String> everyone = new TreeSet<>();
        rows.forEach(row -> row.participants().forEach(user -> everyone.add(user.value())));
        Map<String, String> userText = users(app, everyone, lockUsers);
        List<Row> changed = new ArrayList<>();
        List<Gram> added = new ArrayList<>();
        List<Gram> removed = new ArrayList<>();
        for (Row row : rows) {
            String text = text(row, userText);
            if (text.equals(row.searchText())) {
                continue;
            }
            changed.add(row.withSearchText(text));
            Set<String> before = grams(row.searchText() == null ? "" : row.searchText());
            Set<String> after = grams(text);
            after.stream().filter(gram -> !before.contains(gram)).sorted().forEach(gram -> added.add(new Gram(gram, row.number())));
            before.stream().filter(gram -> !after.contains(gram)).sorted().forEach(gram -> removed.add(new Gram(gram, row.number())));
        }
        jdbc.batchUpdate(SET, changed, changed.size(), (ps, row) -> {
            ps.setString(1, row.searchText());
            ps.setLong(2, app);
            ps.setLong(3, row.number());
        });
        jdbc.batchUpdate(REMOVE_GRAM, removed, removed.size(), (ps, gram) -> gram.bind(ps, app));
        jdbc.batchUpdate(ADD_GRAM, added, added.size(), (ps, gram) -> gram.bind(ps, app));
    }

    /** Every distinct run of {@link #GRAM_LENGTH} code points of an already lowercased text. */
    static Set<String> grams(String lowercased) {
        int[] codePoints = lowercased.codePoints().toArray();
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + GRAM_LENGTH <= codePoints.length; i++) {
            grams.add(new String(codePoints, i, GRAM_LENGTH));
        }
        return grams;
    }

    private static String ofTitle(String title) {
        return title == null ? "" : lowercase(title);
    }

    private Map<String, String> users(long app, SortedSet<String> ids, boolean lock) {
        if (ids.isEmpty()) {
            return Collections.emptyMap();
        }
        List<Object> args = new ArrayList<>();
        args.add(app);
        args.addAll(ids);
        Map<String, String> text = new HashMap<>();
        jdbc.query(USERS.formatted(placeholders(ids.size())) + (lock ? " LOCK IN SHARE MODE" : ""), rs -> {
            String phone = rs.getString(3);
            text.put(rs.getString(1), lowercase(rs.getString(2)) + (phone == null ? "" : SEPARATOR + phone));
        }, args.toArray());
        return text;
    }

    private static String text(Row row, Map<String, String> userText) {
        StringBuilder text = new StringBuilder(ofTitle(row.title()));
        for (UserId user : row.participants()) {
            String known = userText.get(user.value());
            if (known != null) {
                text.append(SEPARATOR).append(known);
            }
        }
        return text.toString();
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private record Row(long number, String title, List<UserId> participants, String searchText) {
        Row withSearchText(String text) {
            return new Row(number, title, participants, text);
        }
    }

    private record Gram(String gram, long chat) {
        void bind(java.sql.PreparedStatement ps, long app) throws java.sql.SQLException {
            ps.setLong(1, app);
            ps.setString(2, gram);
            ps.setLong(3, chat);
        }
    }
}
