package dev.chatplatform.adapters.persistence.user;

import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.chat.SearchText;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

@Repository
public class JdbcUserStore implements UserStore {

    /**
     * Insert, or take the new name and phone only when the state is newer (updated_at is the version);
     * the earliest created_at stays, whichever state arrives first. Assignments run left to right: name
     * and phone read the old updated_at.
     */
    private static final String UPSERT = """
            INSERT INTO users (app_id, user_id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              name = IF(VALUES(updated_at) > updated_at, VALUES(name), name),
              phone = IF(VALUES(updated_at) > updated_at, VALUES(phone), phone),
              created_at = LEAST(created_at, VALUES(created_at)),
              updated_at = GREATEST(updated_at, VALUES(updated_at))""";

    /**
     * The chats to refresh, read with shared locks: a chat being created with one of these users waits
     * for this transaction or is waited for, so that one of the two sees the other's write. Served by
     * ix_chat_participants_inbox (app_id, user_id, ...).
     */
    private static final String CHATS_OF = """
            SELECT chat_number FROM chat_participants WHERE app_id = ? AND user_id IN (%s) LOCK IN SHARE MODE""";

    private static final Comparator<User> KEY_ORDER = Comparator
            .comparingLong((User u) -> u.appId().value())
            .thenComparing(User::id);

    private final UserJpaRepository repository;
    private final UserMapper mapper;
    private final JdbcTemplate jdbc;
    private final SearchText searchText;
    private final Db db;

    public JdbcUserStore(UserJpaRepository repository, UserMapper mapper, JdbcTemplate jdbc, SearchText searchText,
                         Db db) {
        this.repository = repository;
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.searchText = searchText;
        this.db = db;
    }

    @Override
    public Optional<User> find(AppId app, UserId id) {
        return db.read(() -> repository.findById(new UserEntity.Key(app.value(), id.value())).map(mapper::toDomain));
    }

    /**
     * Users first, then the search text of every chat they are in, in the same transaction: an inbox
     * search never sees a name the users table no longer holds once this commits.
     */
    @Override
    public void saveAll(List<User> users) {
        // A fixed lock order keeps concurrent batches from deadlocking each other.
        List<User> ordered = users.stream().sorted(KEY_ORDER).toList();
        db.writeAll(() -> {
            jdbc.batchUpdate(UPSERT, ordered, ordered.size(), (ps, user) -> {
                ps.setLong(1, user.appId().value());
                ps.setString(2, user.id().value());
                ps.setString(3, user.name().value());
                ps.setString(4, user.optionalPhone().map(p -> p.value()).orElse(null));
                ps.setString(5, SqlTimestamps.format(user.createdAt()));
                ps.setString(6, SqlTimestamps.format(user.updatedAt()));
            });
            TreeMap<Long, SortedSet<String>> byApp = new TreeMap<>();
            ordered.forEach(u -> byApp.computeIfAbsent(u.appId().value(), a -> new TreeSet<>()).add(u.id().value()));
            byApp.forEach((app, ids) -> {
                List<Object> args = new ArrayList<>();
                args.add(app);
                args.addAll(ids);
                SortedSet<Long> chats = new TreeSet<>(jdbc.queryForList(
                        CHATS_OF.formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))), Long.class,
                        args.toArray()));
                searchText.refresh(app, chats, false);
            });
        });
    }
}
