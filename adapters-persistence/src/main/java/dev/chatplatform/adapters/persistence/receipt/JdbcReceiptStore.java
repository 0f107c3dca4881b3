package dev.chatplatform.adapters.persistence.receipt;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.chat.InboxCopies;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Repository
public class JdbcReceiptStore implements ReceiptStore {

    /**
     * A merge, not a replace: each cursor keeps the larger value, and reading implies delivery, so states
     * can arrive in any order and any number of times. Assignments run left to right: delivered_up_to is
     * computed from the old read_up_to (never above the old delivered_up_to) and the new state's cursors.
     */
    private static final String MERGE = """
            INSERT INTO receipts (app_id, chat_number, user_id, delivered_up_to, read_up_to, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              delivered_up_to = GREATEST(delivered_up_to, VALUES(delivered_up_to), VALUES(read_up_to)),
              read_up_to = GREATEST(read_up_to, VALUES(read_up_to)),
              updated_at = GREATEST(updated_at, VALUES(updated_at))""";

    private static final String COLUMNS = "SELECT app_id, chat_number, user_id, delivered_up_to, read_up_to, updated_at FROM receipts";

    private static final String OF_CHAT = COLUMNS + " WHERE app_id = ? AND chat_number = ?";

    private static final String OF_CHATS = COLUMNS + " WHERE app_id = ? AND chat_number IN (%s)";

    private static final RowMapper<Receipt> RECEIPT = (rs, i) -> new Receipt(new AppId(rs.getLong(1)),
            new ChatNumber(rs.getLong(2)), new UserId(rs.getString(3)), rs.getLong(4), rs.getLong(5),
            SqlTimestamps.read(rs, 6));

    private static final Comparator<Receipt> KEY_ORDER = Comparator
            .comparingLong((Receipt r) -> r.appId().value())
            .thenComparingLong(r -> r.chat().value())
            .thenComparing(Receipt::user);

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcReceiptStore(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    @Override
    public Map<UserId, Receipt> ofChat(AppId app, ChatNumber chat) {
        Map<UserId, Receipt> byUser = new HashMap<>();
        db.read(() -> jdbc.query(OF_CHAT, RECEIPT, app.value(), chat.value()))
                .forEach(receipt -> byUser.put(receipt.user(), receipt));
        return byUser;
    }

    @Override
    public Map<ChatNumber, Map<UserId, Receipt>> ofChats(AppId app, Collection<ChatNumber> chats) {
        if (chats.isEmpty()) {
            return Map.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(app.value());
        chats.stream().map(ChatNumber::value).distinct().sorted().forEach(args::add);
        String sql = OF_CHATS.formatted(String.join(", ", Collections.nCopies(args.size() - 1, "?")));
        Map<ChatNumber, Map<UserId, Receipt>> byChat = new HashMap<>();
        db.read(() -> jdbc.query(sql, RECEIPT, args.toArray()))
                .forEach(receipt -> byChat.computeIfAbsent(receipt.chat(), c -> new HashMap<>()).put(receipt.user(), receipt));
        return byChat;
    }

    @Override
    public void saveAll(List<Receipt> receipts) {
        // A fixed lock order keeps concurrent batches from deadlocking each other.
        List<Receipt> ordered = receipts.stream().sorted(KEY_ORDER).toList();
        db.writeAll(() -> {
            jdbc.batchUpdate(MERGE, ordered, ordered.size(), (ps, receipt) -> {
                ps.setLong(1, receipt.appId().value());
                ps.setLong(2, receipt.chat().value());
                ps.setString(3, receipt.user().value());
                ps.setLong(4, receipt.deliveredUpTo());
                ps.setLong(5, receipt.readUpTo());
                ps.setString(6, SqlTimestamps.format(receipt.updatedAt()));
            });
            // The inbox's copy, from the merged rows (receipts, then chats: the lock order of every writer).
            InboxCopies.refreshReceipts(jdbc, ordered.stream()
                    .map(receipt -> Map.entry(receipt.appId().value(), receipt.chat().value())).toList());
        });
    }
}
