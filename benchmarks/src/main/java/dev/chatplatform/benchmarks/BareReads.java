package dev.chatplatform.benchmarks;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.chat.InboxPlan;
import dev.chatplatform.adapters.persistence.counts.CountChanges;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.adapters.search.ElasticsearchChatIndex;
import dev.chatplatform.adapters.search.ElasticsearchMessageIndex;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.service.ListChatsService;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageRange;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bare queries under the HTTP benchmark's read steps, driven as the API is (bench.sql.threads closed-loop
 * clients, 8 by default, for bench.read.seconds each): the floor under the API's figures, with no token, no
 * JSON and no HTTP. Each is the adapter's own call for the same page, on a pooled connection outside any
 * transaction: {@link InboxPlan#readEntries} for inbox pages (the page with each chat's last message and
 * receipts), {@link JdbcMessageStore#page} for message lists and ranges, {@link ElasticsearchMessageIndex#search}
 * for the search in the biggest chat (its hits; the API then reads their messages by key). For the inbox's q by a
 * name or a phone, the two Elasticsearch queries the API's page starts with (ListChatsService): which chats' messages
 * mention q (a short list for these), then the first chats whose own text holds it, from the chat index; the API
 * then reads those chats from MySQL. A q common in messages (content) walks the inbox in windows instead: no bare
 * query stands for that plan.
 */
public final class BareReads {

    public static void main(String[] args) throws Exception {
        long app = Settings.appId();
        // As the API asks: a page and one more row, to know whether there is a next page.
        int rows = Settings.intProp("bench.inbox.limit", 50) + 1;
        int depth = Settings.intProp("bench.inbox.depth", 1000);
        Duration duration = Duration.ofSeconds(Settings.intProp("bench.read.seconds", 30));
        int threads = Settings.intProp("bench.sql.threads", 8);
        AppId appId = new AppId(app);
        ChatNumber biggest = new ChatNumber(Settings.biggestChat());
        long chats = Settings.chats();
        try (HikariDataSource pool = Settings.mysqlPool(threads)) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            InboxPlan inbox = new InboxPlan(jdbc);
            InboxPosition deep = walk(inbox, app, rows - 1, depth);
            Results.put("sql.inbox_deep.pages", deep == null ? 0 : depth);
            measure("sql.inbox_first", threads, duration,
                    () -> inbox.readEntries(app, InboxFilter.ALL, null, rows));
            if (deep != null) {
                measure("sql.inbox_deep", threads, duration,
                        () -> inbox.readEntries(app, InboxFilter.ALL, deep, rows));
            }

            JdbcMessageStore messages = new JdbcMessageStore(jdbc, new CountChanges(jdbc),
                    new Db(new DataSourceTransactionManager(pool)));
            measure("sql.list", threads, duration, () -> messages.page(appId,
                    new ChatNumber(1 + ThreadLocalRandom.current().nextLong(chats)), MessageRange.ALL, rows));
            // As read-run.sh's since step: one-hour windows starting at random messages of the biggest chat.
            List<Instant> starts = jdbc.query("SELECT created_at FROM messages WHERE app_id = ? AND chat_number = ? "
                    + "ORDER BY RAND() LIMIT 500", (rs, i) -> rs.getTimestamp(1).toInstant(), app, biggest.value());
            measure("sql.since", threads, duration, () -> {
                Instant since = starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
                messages.page(appId, biggest, new MessageRange(null, null, since, since.plus(Duration.ofHours(1))), rows);
            });
            long biggestMessages = Long.parseLong(Settings.datasetValue("CHAT_DATASET_BIGGEST_CHAT_MESSAGES"));
            measure("sql.before", threads, duration, () -> messages.page(appId, biggest,
                    new MessageRange(2 + ThreadLocalRandom.current().nextLong(biggestMessages), null, null, null), rows));
        }
        try (RestClient rest = RestClient.builder(HttpHost.create(Settings.esUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            ElasticsearchMessageIndex index = new ElasticsearchMessageIndex(client, Settings.esIndex());
            List<String> words = Settings.queries("chat_word");
            measure("es.search", threads, duration, () -> index.search(appId, biggest, random(words), null, rows));
            ElasticsearchChatIndex chatIndex = new ElasticsearchChatIndex(client, Settings.esChatsIndex());
            for (String kind : List.of("name", "phone")) {
                List<String> queries = Settings.queries(kind);
                measure("es.q_" + kind, threads, duration, () -> {
                    String q = random(queries);
                    if (index.allChatsMentioning(appId, q, ListChatsService.MAX_MENTIONING_MESSAGES).isPresent()) {
                        chatIndex.firstMatchingText(appId, q, null, rows);
                    }
                });
            }
        }
    }

    private static String random(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /**
     * One step: a warm-up of bench.bare.warmup-seconds (5 by default; the HTTP steps get theirs too), not counted,
     * then the measured run. bench.bare.only (keys, comma-separated) runs only those.
     */
    private static void measure(String key, int threads, Duration duration, FixedRate.Operation operation)
            throws InterruptedException {
        String only = Settings.prop("bench.bare.only", "");
        if (!only.isEmpty() && !List.of(only.split(",")).contains(key)) {
            return; // bench.bare.only=es.search,sql.since: those steps alone
        }
        ClosedLoop.run(threads, Duration.ofSeconds(Settings.intProp("bench.bare.warmup-seconds", 5)), operation);
        Results.put(key, ClosedLoop.run(threads, duration, operation));
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
