package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.adapters.persistence.counts.CountChanges;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.SqlTimestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Repository
public class JdbcMessageStore implements MessageStore {

    /** Insert, or take the new body only when the state is newer: redeliveries and late edits change nothing. */
    private static final String UPSERT = """
            INSERT INTO messages (app_id, chat_number, number, body, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              body = IF(VALUES(updated_at) > updated_at, VALUES(body), body),
              updated_at = GREATEST(updated_at, VALUES(updated_at))""";

    /** Freshens the inbox order at once; the reconciler repairs a chat whose row arrived after its messages. */
    private static final String TOUCH_CHAT = """
            UPDATE chats SET last_message_at = GREATEST(COALESCE(last_message_at, ?), ?),
                             activity_at = GREATEST(activity_at, ?)
            WHERE app_id = ? AND number = ?""";

    private static final Comparator<Message> KEY_ORDER = Comparator
            .comparingLong((Message m) -> m.appId().value())
            .thenComparingLong(m -> m.chatNumber().value())
            .thenComparingLong(m -> m.number().value());

    private final MessageJpaRepository repository;
    private final MessageMapper mapper;
    private final JdbcTemplate jdbc;
    private final CountChanges countChanges;
    private final Db db;

    public JdbcMessageStore(MessageJpaRepository repository, MessageMapper mapper, JdbcTemplate jdbc,
                            CountChanges countChanges, Db db) {
        this.db = db;
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.countChanges = countChanges;
    }

    @Override
    public Optional<Message> find(AppId app, ChatNumber chat, MessageNumber number) {
        return db.read(() -> repository.findById(new MessageEntity.Key(app.value(), chat.value(), number.value()))
                .map(mapper::toDomain));
    }

    @Override
    public List<Message> page(AppId app, ChatNumber chat, long belowNumber, int limit) {
        return db.read(() -> repository.pageBelow(app.value(), chat.value(), belowNumber, Limit.of(limit)).stream()
                .map(mapper::toDomain).toList());
    }

    @Override
    public void saveAll(List<Message> messages) {
        // A fixed lock order keeps concurrent batches from deadlocking each other.
        List<Message> ordered = messages.stream().sorted(KEY_ORDER).toList();
        db.writeAll(() -> upsert(ordered));
    }

    private void upsert(List<Message> ordered) {
        Map<CountChanges.Scope, Instant> latestPerChat = new TreeMap<>();
        for (Message message : ordered) {
            latestPerChat.merge(new CountChanges.Scope(message.appId().value(), message.chatNumber().value()),
                    message.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        countChanges.markMessages(latestPerChat.keySet());
        jdbc.batchUpdate(UPSERT, ordered, ordered.size(), (ps, message) -> {
            ps.setLong(1, message.appId().value());
            ps.setLong(2, message.chatNumber().value());
            ps.setLong(3, message.number().value());
            ps.setString(4, message.body().value());
            ps.setString(5, SqlTimestamps.format(message.createdAt()));
            ps.setString(6, SqlTimestamps.format(message.updatedAt()));
        });
        List<Map.Entry<CountChanges.Scope, Instant>> touches = new ArrayList<>(latestPerChat.entrySet());
        jdbc.batchUpdate(TOUCH_CHAT, touches, touches.size(), (ps, touch) -> {
            String at = SqlTimestamps.format(touch.getValue());
            ps.setString(1, at);
            ps.setString(2, at);
            ps.setString(3, at);
            ps.setLong(4, touch.getKey().appId());
            ps.setLong(5, touch.getKey().chatNumber());
        });
    }
}
