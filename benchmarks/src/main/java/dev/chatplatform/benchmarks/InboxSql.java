package dev.chatplatform.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.chatplatform.adapters.persistence.chat.InboxPlan;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.chat.Chat;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bare SQL of the inbox pages the HTTP benchmark reads, driven as the API is (bench.sql.threads
 * closed-loop clients, 8 by default, for bench.read.seconds each): the floor under the API's figures. The
 * statements are the persistence adapter's own ({@link InboxPlan#readEntries}: the page with each chat's last
 * message and receipts; for q, its candidate lookups in chat_search_grams first), run on a pooled connection
 * outside any transaction, with no token, no JSON and no HTTP. The message-content half of q (the API asks
 * Elasticsearch which chats mention q) has no SQL and is left out: for q these rows are MySQL's part only.
 */
public final class InboxSql {

    public static void main(String[] args) throws Exception {
        long app = Settings.appId();
        // As the API asks: a page and one more row, to know whether there is a next page.
        int rows = Settings.intProp("bench.inbox.limit", 50) + 1;
        int depth = Settings.intProp("bench.inbox.depth", 1000);
        Duration duration = Duration.ofSeconds(Settings.intProp("bench.read.seconds", 30));
        int threads = Settings.intProp("bench.sql.threads", 8);
        try (HikariDataSource pool = Settings.mysqlPool(threads)) {
            InboxPlan inbox = new InboxPlan(new JdbcTemplate(pool));
            InboxPosition deep = walk(inbox, app, rows - 1, depth);
            Results.put("sql.inbox_deep.pages", deep == null ? 0 : depth);
            Results.put("sql.inbox_first", ClosedLoop.run(threads, duration,
                    () -> inbox.readEntries(app, InboxFilter.ALL, null, rows)));
            if (deep != null) {
                Results.put("sql.inbox_deep", ClosedLoop.run(threads, duration,
                        () -> inbox.readEntries(app, InboxFilter.ALL, deep, rows)));
            }
            for (String kind : List.of("name", "phone", "content")) {
                List<String> values = Settings.queries(kind);
                Results.put("sql.inbox_q_" + kind, ClosedLoop.run(threads, duration, () -> inbox.readEntries(app,
                        new InboxFilter(values.get(ThreadLocalRandom.current().nextInt(values.size())), Set.of(), null),
                        null, rows)));
            }
        }
    }

    /** Walks the inbox {@code depth} pages of {@code rows} down by keyset, as a client following next_cursor would. */
    static InboxPosition walk(InboxPlan inbox, long app, int rows, int depth) {
        InboxPosition position = null;
        for (int i = 0; i < depth; i++) {
            List<Chat> page = inbox.read(app, InboxFilter.ALL, position, rows);
            if (page.isEmpty()) {
                return null;
            }
            Chat last = page.getLast();
            position = new InboxPosition(last.activityAt(), last.number().value());
        }
        return position;
    }
}
