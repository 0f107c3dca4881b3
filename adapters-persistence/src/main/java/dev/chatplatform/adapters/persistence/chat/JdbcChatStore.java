package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.counts.CountChanges;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.SqlTimestamps;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@Repository
public class JdbcChatStore implements ChatStore {

    /**
     * Insert, or take the new title only when the state is newer (updated_at is the version), so a
     * redelivered or late command changes nothing. Assignments run left to right: title reads the old
     * updated_at. VALUES() rather than a row alias: MariaDB accepts only this form.
     */
    private static final String UPSERT = """
            INSERT INTO chats (app_id, number, title, activity_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              title = IF(VALUES(updated_at) > updated_at, VALUES(title), title),
              updated_at = GREATEST(updated_at, VALUES(updated_at))""";

    private final ChatJpaRepository repository;
    private final ChatMapper mapper;
    private final JdbcTemplate jdbc;
    private final CountChanges countChanges;
    private final Db db;

    public JdbcChatStore(ChatJpaRepository repository, ChatMapper mapper, JdbcTemplate jdbc, CountChanges countChanges,
                         Db db) {
        this.db = db;
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.countChanges = countChanges;
    }

    @Override
    public Optional<Chat> find(AppId app, ChatNumber number) {
        return db.read(() -> repository.findById(new ChatEntity.Key(app.value(), number.value())).map(mapper::toDomain));
    }

    @Override
    public List<Chat> page(AppId app, InboxPosition after, int limit) {
        return db.read(() -> (after == null
                ? repository.firstInboxPage(app.value(), Limit.of(limit))
                : repository.inboxPageAfter(app.value(), after.activityAt(), after.number(), Limit.of(limit)))
                .stream().map(mapper::toDomain).toList());
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
        jdbc.batchUpdate(UPSERT, ordered, ordered.size(), (ps, chat) -> {
            ps.setLong(1, chat.appId().value());
            ps.setLong(2, chat.number().value());
            ps.setString(3, chat.optionalTitle().map(t -> t.value()).orElse(null));
            ps.setString(4, SqlTimestamps.format(chat.createdAt()));
            ps.setString(5, SqlTimestamps.format(chat.createdAt()));
            ps.setString(6, SqlTimestamps.format(chat.updatedAt()));
        });
    }
}
