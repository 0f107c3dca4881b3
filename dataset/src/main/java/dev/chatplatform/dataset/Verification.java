package dev.chatplatform.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.infra.redis.RedisNumberCounter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Reads back what was loaded, from the stores themselves, and compares it with the plan: row counts in
 * MySQL, the kept counts, the search documents, and every number counter. Returns the mismatches.
 */
final class Verification {

    private final JdbcTemplate jdbc;
    private final ElasticsearchClient elasticsearch;
    private final String index;
    private final String chatsIndex;
    private final RedisNumberCounter counters;
    private final List<String> mismatches = new ArrayList<>();

    Verification(JdbcTemplate jdbc, ElasticsearchClient elasticsearch, String index, String chatsIndex,
                 RedisNumberCounter counters) {
        this.jdbc = jdbc;
        this.elasticsearch = elasticsearch;
        this.index = index;
        this.chatsIndex = chatsIndex;
        this.counters = counters;
    }

    List<String> check(long app, DatasetPlan plan, DatasetGenerator.Totals totals) throws IOException {
        long messages = plan.options.messages();
        expect("users", count("SELECT COUNT(*) FROM users WHERE app_id = ?", app), plan.users());
        expect("chats", count("SELECT COUNT(*) FROM chats WHERE app_id = ?", app), plan.chats());
        expect("chats without search_text", count("SELECT COUNT(*) FROM chats WHERE app_id = ? AND search_text IS NULL", app), 0);
        expect("chat_participants", count("SELECT COUNT(*) FROM chat_participants WHERE app_id = ?", app),
                totals.participants.get());
        expect("messages", count("SELECT COUNT(*) FROM messages WHERE app_id = ?", app), messages);
        expect("sum of chats.messages_count", count("SELECT COALESCE(SUM(messages_count), 0) FROM chats WHERE app_id = ?", app),
                messages);
        expect("chats whose last_message_number is not their highest message", count("""
                SELECT COUNT(*) FROM chats c
                WHERE c.app_id = ? AND c.last_message_number <> c.messages_count""", app), 0);
        expect("apps.chats_count", count("SELECT chats_count FROM apps WHERE id = ?", app), plan.chats());
        expect("reactions", count("SELECT COUNT(*) FROM reactions WHERE app_id = ?", app), totals.reactions.get());
        expect("message_reactions", count("SELECT COUNT(*) FROM message_reactions WHERE app_id = ?", app),
                totals.reactedMessages.get());
        expect("receipts", count("SELECT COUNT(*) FROM receipts WHERE app_id = ?", app), totals.receipts.get());
        expect("number_reservations", count("SELECT COUNT(*) FROM number_reservations WHERE app_id = ?", app),
                plan.chats() + 1L);
        long grams = count("SELECT COUNT(*) FROM chat_search_grams WHERE app_id = ?", app);
        if (grams == 0) {
            mismatches.add("chat_search_grams: none for the application");
        }
        long documents = elasticsearch.count(c -> c.index(index)
                .query(q -> q.term(t -> t.field("app_id").value(app)))).count();
        expect("Elasticsearch documents", documents, messages);
        long chatDocuments = elasticsearch.count(c -> c.index(chatsIndex)
                .query(q -> q.term(t -> t.field("app").value(Long.toString(app))))).count();
        expect("chat index documents", chatDocuments, plan.chats());
        checkCounters(app, plan);
        DatasetGenerator.log("verified: %,d users, %,d chats, %,d participants, %,d messages, %,d reactions on %,d "
                        + "messages, %,d receipts, %,d grams, %,d documents, %,d chat documents, %,d counters",
                plan.users(), plan.chats(), totals.participants.get(), messages, totals.reactions.get(),
                totals.reactedMessages.get(), totals.receipts.get(), grams, documents, chatDocuments, plan.chats() + 1L);
        return mismatches;
    }

    /** Every counter at or above the highest number loaded in its scope (the chats' scope 0 included). */
    private void checkCounters(long app, DatasetPlan plan) {
        AppId appId = new AppId(app);
        ConcurrentLinkedQueue<String> low = new ConcurrentLinkedQueue<>();
        long chats = counters.handedOut(NumberSequence.chatsOf(appId));
        if (chats < plan.chats()) {
            low.add("chat numbers: counter at " + chats + ", chats up to " + plan.chats());
        }
        Map<Long, Long> highest = new java.util.HashMap<>();
        jdbc.query("SELECT number, last_message_number FROM chats WHERE app_id = ?",
                rs -> { highest.put(rs.getLong(1), rs.getLong(2)); }, app);
        IntStream.range(0, plan.chats()).parallel().forEach(c -> {
            long number = plan.number(c);
            long n = counters.handedOut(new NumberSequence(appId, number));
            long max = highest.getOrDefault(number, 0L);
            if (n < max) {
                low.add("chat " + number + ": counter at " + n + ", messages up to " + max);
            }
        });
        low.stream().limit(10).forEach(mismatches::add);
        if (low.size() > 10) {
            mismatches.add((low.size() - 10) + " more counters below their highest number");
        }
    }

    private long count(String sql, long app) {
        Long value = jdbc.queryForObject(sql, Long.class, app);
        return value == null ? 0 : value;
    }

    private void expect(String what, long actual, long expected) {
        if (actual != expected) {
            mismatches.add(what + ": " + actual + ", expected " + expected);
        }
    }
}
