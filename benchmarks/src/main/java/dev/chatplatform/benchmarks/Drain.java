package dev.chatplatform.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatplatform.adapters.persistence.Db;
import dev.chatplatform.adapters.persistence.numbers.JdbcNumberReservations;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.service.NumberAllocator;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.infra.redis.RedisNumberCounter;
import dev.chatplatform.infra.redis.ScriptPipeline;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The backlog drain. {@code enqueue}: with the worker stopped or its consumers paused, publishes N message commands straight to
 * the write exchange, encoded by the product's own WriteCodec and routed as the API routes them, with
 * message numbers taken the way the API takes them (the product's NumberAllocator over its Redis counter
 * and MySQL reservations), so nothing collides with the data set or with messages posted later. {@code watch}: from before the worker is started or resumed,
 * reads its counters (chat.worker.persisted, chat.worker.indexed) until both have counted N more, and reports the rates.
 */
public final class Drain {

    /** The results' prefix: "drain" for the drain of a running worker, another name for another kind (bench.drain.key). */
    private static final String KEY = Settings.prop("bench.drain.key", "drain");

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "enqueue" -> enqueue();
            case "watch" -> watch();
            default -> throw new IllegalArgumentException("usage: Drain enqueue|watch");
        }
    }

    static void enqueue() throws Exception {
        long total = Settings.intProp("bench.drain.messages", 1_000_000);
        long app = Settings.appId();
        int chats = (int) Math.min(Settings.chats(), Settings.intProp("bench.drain.chats", 1000));
        List<String> words = Settings.queries("content");
        WriteCodec codec = new WriteCodec();
        // As the API's group commit publishes them under load: envelopes of several commands (1: one by one).
        int group = Settings.intProp("bench.drain.group", 32);
        // Routed as the API routes them: a chat's commands to its persist partition (chat.writes.partitions).
        int partitions = Settings.intProp("bench.drain.partitions",
                Integer.parseInt(Settings.env("CHAT_WRITE_PARTITIONS", String.valueOf(WriteTopology.DEFAULT_PARTITIONS))));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).build();
        List<List<byte[]>> gathered = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            gathered.add(new ArrayList<>(group));
        }
        long start = System.nanoTime();
        long published = 0;
        try (UnifiedJedis redis = unifiedRedis(); HikariDataSource pool = Settings.mysqlPool(1);
             Connection connection = Rabbit.connect("bench-drain"); Channel channel = connection.createChannel()) {
            ScriptPipeline scripts = new ScriptPipeline(redis, 256, 8192);
            NumberAllocator numbers = new NumberAllocator(new RedisNumberCounter(redis, scripts),
                    new JdbcNumberReservations(new JdbcTemplate(pool), new Db(new DataSourceTransactionManager(pool))));
            Confirms confirms = new Confirms(channel, 2000);
            for (int c = 0; c < chats; c++) {
                ChatNumber chat = new ChatNumber(c + 1);
                NumberSequence sequence = NumberSequence.messagesOf(new AppId(app), chat);
                int partition = WriteTopology.partition(app, chat.value(), partitions);
                List<byte[]> pending = gathered.get(partition);
                long count = total / chats + (c < total % chats ? 1 : 0);
                for (long m = 0; m < count; m++) {
                    // As the API numbers and stamps a message: the number's stamp is its time.
                    NumberAllocator.Numbered numbered = numbers.next(sequence, () -> true, "chat");
                    Instant now = numbered.at();
                    Message message = new Message(new AppId(app), chat, new MessageNumber(numbered.number()),
                            new MessageBody(body(words)), null, ReactionSummary.EMPTY, now, now);
                    pending.add(codec.encode(message));
                    published++;
                    if (pending.size() == group) {
                        publish(channel, confirms, codec, partition, pending, properties);
                    }
                }
            }
            for (int p = 0; p < partitions; p++) {
                publish(channel, confirms, codec, p, gathered.get(p), properties);
            }
            confirms.awaitAll();
            if (confirms.nacked() > 0) {
                throw new IllegalStateException(confirms.nacked() + " publishes were nacked");
            }
        }
        Results.put(KEY + ".messages", published);
        Results.put(KEY + ".group", group);
        Results.put(KEY + ".partitions", partitions);
        Results.put(KEY + ".chats", chats);
        Results.put(KEY + ".enqueued_per_s", published / ((System.nanoTime() - start) / 1e9));
    }

    private static void publish(Channel channel, Confirms confirms, WriteCodec codec, int partition,
                                List<byte[]> gathered, AMQP.BasicProperties persistent) throws Exception {
        if (gathered.isEmpty()) {
            return;
        }
        confirms.beforePublish();
        if (gathered.size() == 1) {
            channel.basicPublish(WriteTopology.EXCHANGE, WriteTopology.routingKey(WriteTopology.MESSAGE_KEY, partition),
                    true, persistent, gathered.getFirst());
        } else {
            AMQP.BasicProperties properties = persistent.builder()
                    .headers(Map.of(WriteTopology.COMMANDS_HEADER, gathered.size())).build();
            channel.basicPublish(WriteTopology.EXCHANGE, WriteTopology.routingKey(WriteTopology.COMMANDS_KEY, partition),
                    true, properties, codec.envelope(gathered));
        }
        gathered.clear();
    }

    private static String body(List<String> words) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder body = new StringBuilder("backlog");
        int n = 4 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            body.append(' ').append(words.get(random.nextInt(words.size())));
        }
        return body.toString();
    }

    /** The product's own client shape (RedisConfiguration's), for the product's own counter. */
    static UnifiedJedis unifiedRedis() {
        return RedisClient.builder()
                .hostAndPort(Settings.env("CHAT_REDIS_HOST", "127.0.0.1"), Integer.parseInt(Settings.env("CHAT_REDIS_PORT", "6379")))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .database(Integer.parseInt(Settings.env("CHAT_REDIS_DATABASE", "0"))).build())
                .build();
    }

    static Jedis redis() {
        return new Jedis(new HostAndPort(Settings.env("CHAT_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(Settings.env("CHAT_REDIS_PORT", "6379"))),
                DefaultJedisClientConfig.builder().database(Integer.parseInt(Settings.env("CHAT_REDIS_DATABASE", "0"))).build());
    }

    /**
     * Polls the worker's counters (which start at zero with the worker) until both reach N; started before
     * the worker is. The clock of both rates starts at the last poll that saw nothing persisted (or the
     * worker not answering yet), so the JVM's start-up is not counted, and stops where the counter reached N,
     * interpolated between the two polls around it (every 250 ms).
     */
    static void watch() throws Exception {
        long total = Long.parseLong(Results.read(Results.file()).getOrDefault(KEY + ".messages", "0"));
        String worker = Settings.prop("bench.worker", "http://127.0.0.1:" + Settings.env("CHAT_WORKER_PORT", "8081"));
        Duration timeout = Duration.ofSeconds(Settings.intProp("bench.drain.timeout", 1800));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        // A worker that stayed up (its consumers paused) has counted earlier work: only what it counts from here is
        // this backlog's (a stopped worker answers nothing, which counts as zero). Such a worker is resumed here, once
        // the counts are read, so that none of the backlog is in them (bench.drain.resume).
        double persistedBefore = counter(http, worker, "chat.worker.persisted");
        double indexedBefore = counter(http, worker, "chat.worker.indexed");
        if (Boolean.parseBoolean(Settings.prop("bench.drain.resume", "false"))) {
            resume(http, worker);
        }
        // Both clocks start at the last poll that saw nothing persisted: indexing follows persisting (the worker
        // hands the index queue what it persisted), so it cannot start before.
        long persistIdle = System.nanoTime();
        long lastPoll = persistIdle;
        double lastPersisted = 0, lastIndexed = 0;
        boolean persistDone = false, indexDone = false;
        while (!(persistDone && indexDone) && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            // Only the counter still short of N is read: each read costs the worker a request to its Actuator
            // (at 100 ms, two counters took a tenth of the worker's CPU in a drain).
            double persisted = persistDone ? total : Math.max(0, counter(http, worker, "chat.worker.persisted") - persistedBefore);
            double indexed = !persistDone ? lastIndexed : Math.max(0, counter(http, worker, "chat.worker.indexed") - indexedBefore);
            if (persisted == 0) {
                persistIdle = now;
            }
            if (!persistDone && persisted >= total) {
                persistDone = true;
                Results.put(KEY + ".persisted_per_s", total / (finished(lastPoll, lastPersisted, now, persisted, total) - persistIdle) * 1e9);
            }
            if (!indexDone && indexed >= total) {
                indexDone = true;
                Results.put(KEY + ".indexed_per_s", total / (finished(lastPoll, lastIndexed, now, indexed, total) - persistIdle) * 1e9);
            }
            lastPoll = now;
            lastPersisted = persisted;
            lastIndexed = indexed;
            Thread.sleep(POLL_MILLIS);
        }
        if (!(persistDone && indexDone)) {
            throw new IllegalStateException("the backlog did not drain within " + timeout);
        }
    }

    private static final long POLL_MILLIS = 250;

    /**
     * When a counter reached {@code total} between two polls, by linear interpolation: the poll period no longer
     * bounds the end of a rate's clock (its start stays the last poll that saw zero, which can only slow it).
     */
    static double finished(long before, double countBefore, long after, double countAfter, long total) {
        if (countAfter <= countBefore) {
            return after;
        }
        return before + (after - before) * Math.min(1.0, (total - countBefore) / (countAfter - countBefore));
    }

    /** Resumes the worker's consumers (its consumers actuator endpoint), which the script paused. */
    private static void resume(HttpClient http, String worker) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(worker + "/actuator/consumers"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"running\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("resuming the worker's consumers answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A counter from the worker's Actuator metrics; 0 while the worker is not up yet. */
    private static double counter(HttpClient http, String worker, String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(worker + "/actuator/metrics/" + name))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            JsonNode node = JsonMapper.builder().build().readTree(response.body());
            for (JsonNode measurement : node.path("measurements")) {
                if ("COUNT".equals(measurement.path("statistic").asString(""))) {
                    return measurement.path("value").asDouble();
                }
            }
            return 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
