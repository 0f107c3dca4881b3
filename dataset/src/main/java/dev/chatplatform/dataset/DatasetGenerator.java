package dev.chatplatform.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import dev.chatplatform.adapters.persistence.bulk.BulkLoad;
import dev.chatplatform.adapters.persistence.chat.JdbcChatSearchChanges;
import dev.chatplatform.adapters.search.ElasticsearchChatIndex;
import dev.chatplatform.adapters.search.ElasticsearchMessageIndex;
import dev.chatplatform.application.service.IndexChatsService;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.application.service.NumberAllocator;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import dev.chatplatform.infra.redis.RedisNumberCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * worker and the API would have written it: users and receipts through their stores (the ports the worker
 * writes them through), chats, messages, reactions and number reservations through the persistence adapter's
 * {@link BulkLoad}, the search documents through the search adapter, the number counters through Redis's.
 * Then verifies the totals.
 */
@Component
class DatasetGenerator {

    /** Rows per call of a store or the bulk API: each call is one transaction. */
    private static final int ROWS_PER_CALL = 10_000;
    private static final int MESSAGES_PER_BATCH = 5_000;
    private static final int CHATS_PER_SEARCH_REFRESH = 500;
    private static final int WRITERS = 2;
    private static final int INDEXERS = 2;
    private static final int IN_FLIGHT = 6;
    private static final double REACTED_SHARE = 0.04;
    private static final List<String> REACTION_TYPES = List.of("like", "heart", "laugh", "thumbsup", "eyes", "clap");

    private final BulkLoad bulk;
    private final AppStore apps;
    private final UserStore users;
    private final ReceiptStore receipts;
    private final JdbcTemplate jdbc;
    private final ElasticsearchMessageIndex index;
    private final ElasticsearchClient elasticsearch;
    private final String indexName;
    private final RedisNumberCounter counters;
    private final IndexChatsService chatIndexing;
    private final String chatsIndexName;

    /** {@code jdbc} only for {@link Verification}, which counts the rows back with queries of its own. */
    DatasetGenerator(BulkLoad bulk, AppStore apps, UserStore users, ReceiptStore receipts, JdbcTemplate jdbc,
                     ElasticsearchMessageIndex index, ElasticsearchClient elasticsearch,
                     @Value("${chat.elasticsearch.index:messages}") String indexName, RedisNumberCounter counters,
                     JdbcChatSearchChanges chatChanges, ElasticsearchChatIndex chatIndex,
                     @Value("${chat.elasticsearch.chats-index}") String chatsIndexName) {
        this.bulk = bulk;
        this.apps = apps;
        this.users = users;
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.index = index;
        this.elasticsearch = elasticsearch;
        this.indexName = indexName;
        this.counters = counters;
        this.chatIndexing = new IndexChatsService(chatChanges, chatIndex);
        this.chatsIndexName = chatsIndexName;
    }

    /** Generates, loads and verifies; returns the process's exit code. */
    int run(DatasetOptions options) throws Exception {
        long started = System.nanoTime();
        MessageTexts texts = options.contentCsv() == null ? MessageTexts.shipped() : MessageTexts.fromCsv(options.contentCsv());
        String token = createApp(options);
        AppId app = appId(token);
        log("application %d created through %s", app.value(), options.api());
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
        bulk.chatsCount(app, plan.chats());
        timed("chat index", plan.chats(), this::indexChats);

        List<String> mismatches = new Verification(jdbc, elasticsearch, indexName, chatsIndexName, counters)
                .check(app.value(), plan, totals);
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

    /** The application's internal id, looked up by its token as the API does. */
    private AppId appId(String token) {
        return apps.findByToken(new AppToken(token)).map(App::id).orElseThrow(() -> new IllegalStateException(
                "the API created an application that is not in this database: "
                        + "is the generator pointed at the API's own database (CHAT_DB_URL)?"));
    }

    // --- users, chats, participants, receipts --------------------------------------------------------

    private void writeUsers(AppId app, DatasetPlan plan) {
        Instant at = Instant.ofEpochMilli(plan.now - DatasetPlan.SPAN.toMillis());
        inChunks(plan.users(), (from, to) -> {
            List<User> chunk = new ArrayList<>(to - from);
            for (int u = from; u < to; u++) {
                chunk.add(new User(app, new UserId(plan.userIds[u]), new UserName(plan.names[u]),
                        plan.phones[u] == null ? null : new Phone(plan.phones[u]), at, at));
            }
            // Before any chat: the search-text refresh of the users' chats that the save does finds none.
            users.saveAll(chunk);
        });
    }

    /** Each chat with its last message's number and time already, as the reconciler would have counted them. */
    private void writeChats(AppId app, DatasetPlan plan, Totals totals) {
        inChunks(plan.chats(), (from, to) -> {
            List<Chat> chats = new ArrayList<>(to - from);
            for (int c = from; c < to; c++) {
                int count = plan.messageCounts[c];
                Instant created = Instant.ofEpochMilli(plan.createdAt[c]);
                Instant last = count == 0 ? null : Instant.ofEpochMilli(plan.lastMessageAt(c));
                chats.add(new Chat(app, new ChatNumber(plan.number(c)),
                        plan.titles[c] == null ? null : new ChatTitle(plan.titles[c]), ids(plan, plan.participants[c]),
                        count, count, last, created, created));
            }
            bulk.chats(chats);
            totals.participants.addAndGet(chats.stream().mapToLong(chat -> chat.participants().size()).sum());
        });
    }

    /**
     * The adapter's own refresh: search_text and its grams exactly as a chat's save writes them. Runs on
     * {@link #WRITERS} threads over disjoint runs of chats.
     */
    private void refreshSearchText(AppId app, DatasetPlan plan) {
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int from = 0; from < plan.chats(); from += CHATS_PER_SEARCH_REFRESH) {
                List<ChatNumber> numbers = new ArrayList<>();
                for (int c = from; c < Math.min(plan.chats(), from + CHATS_PER_SEARCH_REFRESH); c++) {
                    numbers.add(new ChatNumber(plan.number(c)));
                }
                runs.add(CompletableFuture.runAsync(() -> bulk.searchText(app, numbers), pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * Delivered and read cursors of up to ten participants per chat: most have read nearly everything,
     * the newest few messages are often unread.
     */
    private void writeReceipts(AppId app, DatasetPlan plan, Totals totals) {
        Random random = new Random(plan.options.seed() + 1);
        inChunks(plan.chats(), (from, to) -> {
            List<Receipt> chunk = new ArrayList<>();
            for (int c = from; c < to; c++) {
                int count = plan.messageCounts[c];
                if (count == 0) {
                    continue;
                }
                Instant at = Instant.ofEpochMilli(plan.lastMessageAt(c));
                int[] members = plan.participants[c];
                for (int i = 0; i < Math.min(10, members.length); i++) {
                    long read = Math.max(0, count - (random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(5)));
                    long delivered = Math.max(read, count - (random.nextDouble() < 0.9 ? 0 : 1 + random.nextInt(3)));
                    if (delivered > 0) {
                        chunk.add(new Receipt(app, new ChatNumber(plan.number(c)),
                                new UserId(plan.userIds[members[i]]), delivered, read, at));
                    }
                }
            }
            receipts.saveAll(chunk);
            totals.receipts.addAndGet(chunk.size());
        });
    }

    // --- messages ----------------------------------------------------------------------------------

    /**
     * Generates the messages chat by chat, in primary-key order, and hands batches to MySQL writers and
     * Elasticsearch indexers running in parallel; the index's refresh is off meanwhile.
     */
    private void writeMessages(AppId app, DatasetPlan plan, MessageTexts texts, Totals totals, Queries queries)
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
                        for (Reaction reaction : reactions(random, app, chat, number, members, plan, times[m])) {
                            summary = summary.with(null, reaction);
                            batch.reactions.add(reaction);
                        }
                    }
                    batch.messages.add(new Message(app, chat, number, new MessageBody(body),
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
            bulk.messages(batch.messages, batch.reactions);
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

    // --- numbers -------------------------------------------------------------------------------------

    /**
     * Every sequence as if the API had handed out the loaded numbers: a durable reservation one block above
     * the highest number, and the Redis counter at the highest number with that reservation as ceiling.
     */
    /**
     * The chat documents the inbox's q searches, as the worker's chat indexing job writes them (the chats the
     * V6 triggers recorded as changed), drained here so that the data set is complete when the load ends,
     * worker or not. A running worker drains along: the documents' revisions make that harmless.
     */
    private void indexChats() throws IOException {
        for (int indexed = chatIndexing.indexChanged(); indexed > 0; indexed = chatIndexing.indexChanged()) {
            log("  %,d chat documents written", indexed);
        }
        elasticsearch.indices().refresh(r -> r.index(chatsIndexName));
    }

    private void writeCounters(AppId app, DatasetPlan plan) {
        List<BulkLoad.Reservation> reservations = new ArrayList<>();
        reservations.add(reservation(NumberSequence.chatsOf(app), plan.chats()));
        for (int c = 0; c < plan.chats(); c++) {
            reservations.add(reservation(NumberSequence.messagesOf(app, new ChatNumber(plan.number(c))),
                    plan.messageCounts[c]));
        }
        bulk.numberReservations(reservations);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Void>> parts = new ArrayList<>();
            int step = Math.max(1, reservations.size() / 4 + 1);
            for (int from = 0; from < reservations.size(); from += step) {
                List<BulkLoad.Reservation> part =
                        reservations.subList(from, Math.min(reservations.size(), from + step));
                parts.add(CompletableFuture.runAsync(() -> part.forEach(r -> counters.advance(
                        r.sequence(), r.reservedUpTo() - NumberAllocator.BLOCK, r.reservedUpTo())), pool));
            }
            CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** One block above the highest number loaded: what the allocator would have reserved by then. */
    private static BulkLoad.Reservation reservation(NumberSequence sequence, long highest) {
        return new BulkLoad.Reservation(sequence, highest + NumberAllocator.BLOCK);
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

    private static String env(DatasetOptions options, DatasetPlan plan, String token, AppId app) {
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
                CHAT_DATASET_CORPUS=%s
                """.formatted(Instant.now(), token, app.value(), options.contacts(), options.groupChats(), plan.chats(),
                options.messages(), plan.number(plan.biggestChat), plan.messageCounts[plan.biggestChat], options.api(),
                shellWord(options.contentCsv() == null ? "built-in sentences" : options.contentCsv().getFileName().toString()));
    }

    /** One word for the shell that sources the file (the benchmarks do): a corpus name may hold spaces. */
    static String shellWord(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    // --- helpers -------------------------------------------------------------------------------------

    private interface Chunk {
        void write(int from, int to);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Consecutive ranges of {@link #ROWS_PER_CALL}: each written by calls of the bulk API, one transaction each. */
    private static void inChunks(int total, Chunk chunk) {
        for (int from = 0; from < total; from += ROWS_PER_CALL) {
            chunk.write(from, Math.min(total, from + ROWS_PER_CALL));
        }
    }

    private static void timed(String what, long rows, Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        double s = (System.nanoTime() - started) / 1e9;
        log("%s: %,d in %.1f s (%,.0f/s)", what, rows, s, rows / Math.max(s, 1e-3));
    }

    private static List<UserId> ids(DatasetPlan plan, int[] users) {
        List<UserId> ids = new ArrayList<>(users.length);
        for (int u : users) {
            ids.add(new UserId(plan.userIds[u]));
        }
        return ids;
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
