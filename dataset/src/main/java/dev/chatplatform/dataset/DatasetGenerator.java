package dev.chatplatform.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import dev.chatplatform.adapters.persistence.JsonColumns;
import dev.chatplatform.adapters.persistence.SqlTimestamps;
import dev.chatplatform.adapters.persistence.chat.SearchText;
import dev.chatplatform.adapters.search.ElasticsearchMessageIndex;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.service.NumberAllocator;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.infra.redis.RedisNumberCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills one new application with a realistic data set: the application through the API (so that its token
 * is real), everything else straight into MySQL, Elasticsearch and Redis in bulk, written exactly as the
 * worker and the API would have written it (reusing their code for the search text, the reaction summaries,
 * the search documents and the number counters). Then verifies the totals.
 */
@Component
class DatasetGenerator {

    private static final int ROWS_PER_STATEMENT = 2_000;
    private static final int MESSAGES_PER_BATCH = 5_000;
    private static final int CHATS_PER_SEARCH_REFRESH = 500;
    private static final int WRITERS = 2;
    private static final int INDEXERS = 2;
    private static final int IN_FLIGHT = 6;
    private static final double REACTED_SHARE = 0.04;
    private static final List<String> REACTION_TYPES = List.of("like", "heart", "laugh", "thumbsup", "eyes", "clap");

    private static final String INSERT_USER = """
            INSERT INTO users (app_id, user_id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CHAT = """
            INSERT INTO chats (app_id, number, title, participants, search_text, messages_count, last_message_at,
                               last_message_number, activity_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_PARTICIPANT = """
            INSERT INTO chat_participants (app_id, chat_number, user_id, activity_at) VALUES (?, ?, ?, ?)""";
    private static final String INSERT_RECEIPT = """
            INSERT INTO receipts (app_id, chat_number, user_id, delivered_up_to, read_up_to, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (app_id, chat_number, number, body, sender, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SUMMARY = """
            INSERT INTO message_reactions (app_id, chat_number, message_number, summary) VALUES (?, ?, ?, ?)""";
    private static final String INSERT_REACTION = """
            INSERT INTO reactions (app_id, chat_number, message_number, user_id, type, score, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String RESERVE = """
            INSERT INTO number_reservations (app_id, scope, reserved_up_to) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE reserved_up_to = GREATEST(reserved_up_to, VALUES(reserved_up_to))""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SearchText searchText;
    private final ElasticsearchMessageIndex index;
    private final ElasticsearchClient elasticsearch;
    private final String indexName;
    private final RedisNumberCounter counters;

    DatasetGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, SearchText searchText,
                     ElasticsearchMessageIndex index, ElasticsearchClient elasticsearch,
                     @Value("${chat.elasticsearch.index:messages}") String indexName, RedisNumberCounter counters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.searchText = searchText;
        this.index = index;
        this.elasticsearch = elasticsearch;
        this.indexName = indexName;
        this.counters = counters;
    }

    /** Generates, loads and verifies; returns the process's exit code. */
    int run(DatasetOptions options) throws Exception {
        long started = System.nanoTime();
        MessageTexts texts = options.contentCsv() == null ? MessageTexts.shipped() : MessageTexts.fromCsv(options.contentCsv());
        String token = createApp(options);
        long app = appId(token);
        log("application %d created through %s", app, options.api());
        DatasetPlan plan = new DatasetPlan(options, Instant.now().toEpochMilli());
        log("plan: %,d users, %,d chats (%,d group chats), %,d messages; the biggest chat %d holds %,d",
                plan.users(), plan.chats(), options.groupChats(), options.messages(),
                plan.number(plan.biggestChat), plan.messageCounts[plan.biggestChat]);

        Totals totals = new Totals();
        timed("users", plan.users(), () -> writeUsers(app, plan));
        timed("chats and participants", plan.chats(), () -> writeChats(app, plan, totals));
        timed("search text and grams", plan.chats(), () -> refreshSearchText(app, plan));
        timed("receipts", plan.chats(), () -> writeReceipts(app, plan, totals));
        Queries queries = new Queries(plan);
        timed("messages", options.messages(), () -> writeMessages(app, plan, texts, totals, queries));
        timed("number counters", plan.chats() + 1, () -> writeCounters(app, plan));
        jdbc.update("UPDATE apps SET chats_count = ? WHERE id = ?", plan.chats(), app);

        List<String> mismatches = new Verification(jdbc, elasticsearch, indexName, counters).check(app, plan, totals);
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("dataset.env"), env(options, plan, token, app));
        Files.writeString(options.out().resolve("dataset-queries.tsv"), queries.tsv(new Random(options.seed())));
        double seconds = (System.nanoTime() - started) / 1e9;
        log("done in %.1f s: %,d users, %,d chats, %,d messages, %,d reactions, %,d receipts; wrote %s and %s",
                seconds, plan.users(), plan.chats(), options.messages(), totals.reactions.get(), totals.receipts.get(),
                options.out().resolve("dataset.env"), options.out().resolve("dataset-queries.tsv"));
        if (!mismatches.isEmpty()) {
            mismatches.forEach(m -> log("MISMATCH: %s", m));
            return 1;
        }
        log("verified: every count matches");
        return 0;
    }

    // --- the application ---------------------------------------------------------------------------

    private static String createApp(DatasetOptions options) throws IOException, InterruptedException {
        JsonMapper json = JsonMapper.builder().build();
        String body = json.writeValueAsString(Map.of("name", "Dataset (seed %d, %,d contacts, %,d messages)"
                .formatted(options.seed(), options.contacts(), options.messages())));
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(HttpRequest.newBuilder(URI.create(options.api() + "/api/v1/applications"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + options.api() + "/api/v1/applications answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("token").asString();
    }

    /** The application's internal id, found by the token's hash as the API stores it. */
    private long appId(String token) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        List<Long> ids = jdbc.queryForList("SELECT id FROM apps WHERE token_hash = ?", Long.class, (Object) hash);
        if (ids.size() != 1) {
            throw new IllegalStateException("the API created an application that is not in this database: "
                    + "is the generator pointed at the API's own database (CHAT_DB_URL)?");
        }
        return ids.getFirst();
    }

    // --- users, chats, participants, receipts --------------------------------------------------------

    private void writeUsers(long app, DatasetPlan plan) {
        String at = SqlTimestamps.format(Instant.ofEpochMilli(plan.now - DatasetPlan.SPAN.toMillis()));
        inChunks(plan.users(), ROWS_PER_STATEMENT * 5, (from, to) -> {
            List<Integer> users = range(from, to);
            jdbc.batchUpdate(INSERT_USER, users, ROWS_PER_STATEMENT, (ps, u) -> {
                ps.setLong(1, app);
                ps.setString(2, plan.userIds[u]);
                ps.setString(3, plan.names[u]);
                ps.setString(4, plan.phones[u]);
                ps.setString(5, at);
                ps.setString(6, at);
            });
        });
    }

    private void writeChats(long app, DatasetPlan plan, Totals totals) {
        inChunks(plan.chats(), ROWS_PER_STATEMENT * 5, (from, to) -> {
            List<Integer> chats = range(from, to);
            long[] last = new long[to - from];
            List<int[]> participants = new ArrayList<>();
            for (int c : chats) {
                last[c - from] = plan.lastMessageAt(c);
                for (int u : new TreeSet<>(boxed(plan.participants[c]))) {
                    participants.add(new int[] {c, u});
                }
            }
            jdbc.batchUpdate(INSERT_PARTICIPANT, participants, ROWS_PER_STATEMENT, (ps, p) -> {
                ps.setLong(1, app);
                ps.setLong(2, plan.number(p[0]));
                ps.setString(3, plan.userIds[p[1]]);
                ps.setString(4, timestamp(Math.max(plan.createdAt[p[0]], last[p[0] - from])));
            });
            totals.participants.addAndGet(participants.size());
            jdbc.batchUpdate(INSERT_CHAT, chats, ROWS_PER_STATEMENT, (ps, c) -> {
                int count = plan.messageCounts[c];
                ps.setLong(1, app);
                ps.setLong(2, plan.number(c));
                ps.setString(3, plan.titles[c]);
                ps.setString(4, JsonColumns.participants(ids(plan, plan.participants[c])));
                ps.setLong(5, count);
                ps.setString(6, count == 0 ? null : timestamp(last[c - from]));
                ps.setLong(7, count);
                ps.setString(8, timestamp(Math.max(plan.createdAt[c], last[c - from])));
                ps.setString(9, timestamp(plan.createdAt[c]));
                ps.setString(10, timestamp(plan.createdAt[c]));
            });
        });
    }

    /**
     * The adapter's own refresh: search_text and its grams exactly as a chat's save writes them. Runs on
     * {@link #WRITERS} threads over disjoint runs of chats (no user row is locked: lockUsers false).
     */
    private void refreshSearchText(long app, DatasetPlan plan) {
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int from = 0; from < plan.chats(); from += CHATS_PER_SEARCH_REFRESH) {
                TreeSet<Long> numbers = new TreeSet<>();
                for (int c = from; c < Math.min(plan.chats(), from + CHATS_PER_SEARCH_REFRESH); c++) {
                    numbers.add(plan.number(c));
                }
                runs.add(CompletableFuture.runAsync(
                        () -> transactions.executeWithoutResult(status -> searchText.refresh(app, numbers, false)), pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * Delivered and read cursors of up to ten participants per chat: most have read nearly everything,
     * the newest few messages are often unread.
     */
    private void writeReceipts(long app, DatasetPlan plan, Totals totals) {
        Random random = new Random(plan.options.seed() + 1);
        inChunks(plan.chats(), ROWS_PER_STATEMENT * 5, (from, to) -> {
            List<Object[]> rows = new ArrayList<>();
            for (int c = from; c < to; c++) {
                int count = plan.messageCounts[c];
                if (count == 0) {
                    continue;
                }
                String at = timestamp(plan.lastMessageAt(c));
                int[] members = plan.participants[c];
                for (int i = 0; i < Math.min(10, members.length); i++) {
                    long read = Math.max(0, count - (random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(5)));
                    long delivered = Math.max(read, count - (random.nextDouble() < 0.9 ? 0 : 1 + random.nextInt(3)));
                    if (delivered > 0) {
                        rows.add(new Object[] {plan.number(c), plan.userIds[members[i]], delivered, read, at});
                    }
                }
            }
            jdbc.batchUpdate(INSERT_RECEIPT, rows, ROWS_PER_STATEMENT, (ps, r) -> {
                ps.setLong(1, app);
                ps.setLong(2, (Long) r[0]);
                ps.setString(3, (String) r[1]);
                ps.setLong(4, (Long) r[2]);
                ps.setLong(5, (Long) r[3]);
                ps.setString(6, (String) r[4]);
            });
            totals.receipts.addAndGet(rows.size());
        });
    }

    // --- messages ----------------------------------------------------------------------------------

    /**
     * Generates the messages chat by chat, in primary-key order, and hands batches to MySQL writers and
     * Elasticsearch indexers running in parallel; the index's refresh is off meanwhile.
     */
    private void writeMessages(long app, DatasetPlan plan, MessageTexts texts, Totals totals, Queries queries)
            throws Exception {
        index.ensureIndex();
        IndexSettings before = indexSettings();
        setIndexSettings(new IndexSettings("-1", TranslogDurability.Async));
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        ExecutorService indexers = Executors.newFixedThreadPool(INDEXERS);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong indexed = new AtomicLong();
        AtomicLong written = new AtomicLong();
        long started = System.nanoTime();
        var progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> {
            double s = (System.nanoTime() - started) / 1e9;
            log("  messages: %,d rows in MySQL (%,.0f rows/s), %,d documents in Elasticsearch (%,.0f docs/s)",
                    written.get(), written.get() / s, indexed.get(), indexed.get() / s);
        }, 10, 10, TimeUnit.SECONDS);
        try {
            AppId appId = new AppId(app);
            Random random = new Random(plan.options.seed() + 2);
            Batch batch = new Batch();
            for (int c = 0; c < plan.chats() && failure.get() == null; c++) {
                long[] times = plan.timeline(c);
                int[] members = plan.participants[c];
                ChatNumber chat = new ChatNumber(plan.number(c));
                for (int m = 0; m < times.length; m++) {
                    String body = texts.body(random);
                    queries.sawBody(c, body);
                    int sender = members.length == 2 ? members[random.nextDouble() < 0.55 ? 0 : 1]
                            : members[random.nextInt(random.nextInt(members.length) + 1)];
                    MessageNumber number = new MessageNumber(m + 1);
                    Instant at = Instant.ofEpochMilli(times[m]);
                    ReactionSummary summary = ReactionSummary.EMPTY;
                    if (random.nextDouble() < REACTED_SHARE) {
                        for (Reaction reaction : reactions(random, appId, chat, number, members, plan, times[m])) {
                            summary = summary.with(null, reaction);
                            batch.reactions.add(reaction);
                        }
                    }
                    batch.messages.add(new Message(appId, chat, number, new MessageBody(body),
                            new UserId(plan.userIds[sender]), summary, at, at));
                    if (batch.messages.size() >= MESSAGES_PER_BATCH) {
                        submit(batch, inFlight, writers, indexers, failure, written, indexed, totals);
                        batch = new Batch();
                    }
                }
            }
            if (!batch.messages.isEmpty()) {
                submit(batch, inFlight, writers, indexers, failure, written, indexed, totals);
            }
            inFlight.acquire(IN_FLIGHT);
            inFlight.release(IN_FLIGHT);
        } finally {
            progress.shutdownNow();
            writers.shutdown();
            indexers.shutdown();
            writers.awaitTermination(10, TimeUnit.MINUTES);
            indexers.awaitTermination(10, TimeUnit.MINUTES);
            setIndexSettings(before);
            elasticsearch.indices().refresh(r -> r.index(indexName));
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading messages failed", failure.get());
        }
        double s = (System.nanoTime() - started) / 1e9;
        log("  messages: %,d rows (%,.0f rows/s) and %,d documents (%,.0f docs/s) in %.1f s; %,d reactions",
                written.get(), written.get() / s, indexed.get(), indexed.get() / s, s, totals.reactions.get());
        log("  busy: MySQL writers %.1f s, Elasticsearch indexers %.1f s (summed over %d and %d threads)",
                totals.writeNanos.get() / 1e9, totals.indexNanos.get() / 1e9, WRITERS, INDEXERS);
    }

    /** One to three reactions of different participants, now and then claps with a score above one. */
    private static List<Reaction> reactions(Random random, AppId app, ChatNumber chat, MessageNumber message,
                                            int[] members, DatasetPlan plan, long sentAt) {
        int count = random.nextDouble() < 0.75 ? 1 : 2 + random.nextInt(2);
        List<Reaction> reactions = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count && users.size() < members.length; i++) {
            String user = plan.userIds[members[random.nextInt(members.length)]];
            if (users.contains(user)) {
                continue;
            }
            users.add(user);
            String type = REACTION_TYPES.get(random.nextInt(REACTION_TYPES.size()));
            long score = "clap".equals(type) ? 1 + random.nextInt(20) : 1;
            Instant at = Instant.ofEpochMilli(Math.min(plan.now - 1,
                    sentAt + 1_000 + (long) (-Math.log(1 - random.nextDouble()) * 20 * 60_000)));
            reactions.add(new Reaction(app, chat, message, new UserId(user), new ReactionType(type), score, at, at));
        }
        return reactions;
    }

    private void submit(Batch batch, Semaphore inFlight, ExecutorService writers, ExecutorService indexers,
                        AtomicReference<Throwable> failure, AtomicLong written, AtomicLong indexed, Totals totals)
            throws InterruptedException {
        inFlight.acquire();
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            transactions.executeWithoutResult(status -> write(batch));
            totals.writeNanos.addAndGet(System.nanoTime() - started);
            written.addAndGet(batch.messages.size());
            totals.reactions.addAndGet(batch.reactions.size());
            totals.reactedMessages.addAndGet(batch.messages.stream().filter(m -> !m.reactions().isEmpty()).count());
        }, writers);
        CompletableFuture<Void> indexing = CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            List<Message> rejected = index.indexAll(batch.messages);
            totals.indexNanos.addAndGet(System.nanoTime() - started);
            if (!rejected.isEmpty()) {
                throw new IllegalStateException("Elasticsearch rejected " + rejected.size() + " documents");
            }
            indexed.addAndGet(batch.messages.size());
        }, indexers);
        CompletableFuture.allOf(write, indexing).whenComplete((ok, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            inFlight.release();
        });
    }

    private void write(Batch batch) {
        jdbc.batchUpdate(INSERT_MESSAGE, batch.messages, ROWS_PER_STATEMENT, (ps, m) -> {
            ps.setLong(1, m.appId().value());
            ps.setLong(2, m.chatNumber().value());
            ps.setLong(3, m.number().value());
            ps.setString(4, m.body().value());
            ps.setString(5, m.sender().value());
            ps.setString(6, SqlTimestamps.format(m.createdAt()));
            ps.setString(7, SqlTimestamps.format(m.updatedAt()));
        });
        List<Message> reacted = batch.messages.stream().filter(m -> !m.reactions().isEmpty()).toList();
        jdbc.batchUpdate(INSERT_SUMMARY, reacted, ROWS_PER_STATEMENT, (ps, m) -> {
            ps.setLong(1, m.appId().value());
            ps.setLong(2, m.chatNumber().value());
            ps.setLong(3, m.number().value());
            ps.setString(4, JsonColumns.summary(m.reactions()));
        });
        jdbc.batchUpdate(INSERT_REACTION, batch.reactions, ROWS_PER_STATEMENT, (ps, r) -> {
            ps.setLong(1, r.appId().value());
            ps.setLong(2, r.chat().value());
            ps.setLong(3, r.message().value());
            ps.setString(4, r.user().value());
            ps.setString(5, r.type().value());
            ps.setLong(6, r.score());
            ps.setString(7, SqlTimestamps.format(r.createdAt()));
            ps.setString(8, SqlTimestamps.format(r.updatedAt()));
        });
    }

    // --- numbers -------------------------------------------------------------------------------------

    /**
     * Every sequence as if the API had handed out the loaded numbers: a durable reservation one block above
     * the highest number, and the Redis counter at the highest number with that reservation as ceiling.
     */
    private void writeCounters(long app, DatasetPlan plan) throws Exception {
        List<long[]> scopes = new ArrayList<>();
        scopes.add(new long[] {0, plan.chats()});
        for (int c = 0; c < plan.chats(); c++) {
            scopes.add(new long[] {plan.number(c), plan.messageCounts[c]});
        }
        jdbc.batchUpdate(RESERVE, scopes, ROWS_PER_STATEMENT, (ps, s) -> {
            ps.setLong(1, app);
            ps.setLong(2, s[0]);
            ps.setLong(3, s[1] + NumberAllocator.BLOCK);
        });
        AppId appId = new AppId(app);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Void>> parts = new ArrayList<>();
            int step = Math.max(1, scopes.size() / 4 + 1);
            for (int from = 0; from < scopes.size(); from += step) {
                List<long[]> part = scopes.subList(from, Math.min(scopes.size(), from + step));
                parts.add(CompletableFuture.runAsync(() -> part.forEach(s -> counters.advance(
                        new NumberSequence(appId, s[0]), s[1], s[1] + NumberAllocator.BLOCK)), pool));
            }
            CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
        }
    }

    // --- Elasticsearch settings ----------------------------------------------------------------------

    /** What a bulk load changes for its duration: no refreshes, and no fsync of the translog per request. */
    private record IndexSettings(String refreshInterval, TranslogDurability durability) {
    }

    private IndexSettings indexSettings() throws IOException {
        var index = elasticsearch.indices().getSettings(g -> g.index(indexName).includeDefaults(true)).get(indexName);
        var settings = index.settings() == null ? null : index.settings().index();
        var defaults = index.defaults() == null ? null : index.defaults().index();
        String refresh = settings != null && settings.refreshInterval() != null ? settings.refreshInterval().time()
                : defaults != null && defaults.refreshInterval() != null ? defaults.refreshInterval().time() : "1s";
        TranslogDurability durability = settings != null && settings.translog() != null && settings.translog().durability() != null
                ? settings.translog().durability() : TranslogDurability.Request;
        return new IndexSettings(refresh, durability);
    }

    private void setIndexSettings(IndexSettings settings) throws IOException {
        elasticsearch.indices().putSettings(p -> p.index(indexName).settings(s -> s
                .refreshInterval(t -> t.time(settings.refreshInterval()))
                .translog(t -> t.durability(settings.durability()))));
        log("  %s: refresh_interval %s, translog.durability %s", indexName, settings.refreshInterval(),
                settings.durability().jsonValue());
    }

    // --- output --------------------------------------------------------------------------------------

    private static String env(DatasetOptions options, DatasetPlan plan, String token, long app) {
        return """
                # Written by scripts/dataset.sh at %s
                CHAT_DATASET_TOKEN=%s
                CHAT_DATASET_APP_ID=%d
                CHAT_DATASET_CONTACTS=%d
                CHAT_DATASET_GROUP_CHATS=%d
                CHAT_DATASET_CHATS=%d
                CHAT_DATASET_MESSAGES=%d
                CHAT_DATASET_BIGGEST_CHAT=%d
                CHAT_DATASET_BIGGEST_CHAT_MESSAGES=%d
                CHAT_DATASET_API=%s
                """.formatted(Instant.now(), token, app, options.contacts(), options.groupChats(), plan.chats(),
                options.messages(), plan.number(plan.biggestChat), plan.messageCounts[plan.biggestChat], options.api());
    }

    // --- helpers -------------------------------------------------------------------------------------

    private interface Chunk {
        void write(int from, int to) throws Exception;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Consecutive ranges, each written in its own transaction. */
    private void inChunks(int total, int size, Chunk chunk) {
        for (int from = 0; from < total; from += size) {
            int start = from;
            int end = Math.min(total, from + size);
            transactions.executeWithoutResult(status -> {
                try {
                    chunk.write(start, end);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void timed(String what, long rows, Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        double s = (System.nanoTime() - started) / 1e9;
        log("%s: %,d in %.1f s (%,.0f/s)", what, rows, s, rows / Math.max(s, 1e-3));
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> range = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            range.add(i);
        }
        return range;
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> boxed = new ArrayList<>(values.length);
        for (int v : values) {
            boxed.add(v);
        }
        return boxed;
    }

    private static List<UserId> ids(DatasetPlan plan, int[] users) {
        List<UserId> ids = new ArrayList<>(users.length);
        for (int u : users) {
            ids.add(new UserId(plan.userIds[u]));
        }
        return ids;
    }

    private static String timestamp(long millis) {
        return SqlTimestamps.format(Instant.ofEpochMilli(millis));
    }

    static void log(String format, Object... args) {
        System.out.printf("[dataset] " + format + "%n", args);
    }

    /** What was written beyond what the plan says up front. */
    static final class Totals {
        final AtomicLong participants = new AtomicLong();
        final AtomicLong receipts = new AtomicLong();
        final AtomicLong reactions = new AtomicLong();
        final AtomicLong reactedMessages = new AtomicLong();
        /** Time spent in MySQL transactions and Elasticsearch bulk requests, summed over the threads. */
        final AtomicLong writeNanos = new AtomicLong();
        final AtomicLong indexNanos = new AtomicLong();
    }

    private static final class Batch {
        final List<Message> messages = new ArrayList<>(MESSAGES_PER_BATCH);
        final List<Reaction> reactions = new ArrayList<>();
    }
}
