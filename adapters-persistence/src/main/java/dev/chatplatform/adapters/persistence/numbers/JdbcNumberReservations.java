package dev.chatplatform.adapters.persistence.numbers;

import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.NumberSequence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import dev.chatplatform.adapters.persistence.Db;

import java.util.List;

@Repository
public class JdbcNumberReservations implements NumberReservations {

    private static final String READ = """
            SELECT reserved_up_to FROM number_reservations WHERE app_id = ? AND scope = ?""";

    /** Only ever raised: two instances reserving at once both end at the higher mark. */
    private static final String RAISE = """
            INSERT INTO number_reservations (app_id, scope, reserved_up_to) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE reserved_up_to = GREATEST(reserved_up_to, VALUES(reserved_up_to))""";

    private final JdbcTemplate jdbc;
    private final Db db;

    public JdbcNumberReservations(JdbcTemplate jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    @Override
    public long reservedUpTo(NumberSequence key) {
        List<Long> found = db.read(() -> jdbc.queryForList(READ, Long.class, key.app().value(), key.scope()));
        return found.isEmpty() ? 0 : found.getFirst();
    }

    @Override
    public long reserveUpTo(NumberSequence key, long upTo) {
        return db.write(() -> {
            jdbc.update(RAISE, key.app().value(), key.scope(), upTo);
            return jdbc.queryForObject(READ, Long.class, key.app().value(), key.scope());
        });
    }
}
