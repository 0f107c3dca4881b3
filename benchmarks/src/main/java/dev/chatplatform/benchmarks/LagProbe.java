package dev.chatplatform.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end lag, measured while a load runs. The probe posts its own messages into a chat it creates
 * (a few per second, part of the load) and takes the instant each 201 arrived. Then:
 * <ul>
 * <li>persisted: the row (app_id, chat_number, number) is visible in MySQL's messages table, polled every
 *     {@code bench.lag.sql-poll-ms} (default 5 ms) by primary key over all outstanding probes at once;</li>
 * <li>searchable: a search of the messages index the API searches (filtered by app, chat and the probes'
 *     numbers, as the API's per-chat search filters) returns the document, polled every
 *     {@code bench.lag.es-poll-ms} (default 20 ms).</li>
 * </ul>
 * A lag is the first poll that saw it minus the 201's arrival: the poll period bounds its resolution.
 */
public final class LagProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    private final Map<Long, Long> unpersisted = new ConcurrentHashMap<>();
    private final Map<Long, Long> unsearchable = new ConcurrentHashMap<>();
    private final Latencies persisted = new Latencies();
    private final Latencies searchable = new Latencies();
    private final Latencies posted = new Latencies();
    private final String api;
    private final String token;
    private final long app;
    /** The results' key: lag (beside Gatling's open model, {@code LagSimulation}) or lag_paced ({@link LagRun}). */
    private final String key;
    private long chat;
    private Connection db;

    public LagProbe(String api, String token, long app, String key) {
        this.api = api;
        this.key = key;
        this.token = token;
        this.app = app;
    }

    public void start(double perSecond) throws Exception {
        db = Settings.mysql();
        chat = createChat();
        scheduler.scheduleAtFixedRate(this::probe, 0, (long) (1e6 / perSecond), TimeUnit.MICROSECONDS);
        scheduler.scheduleWithFixedDelay(this::pollMysql, 5, Settings.intProp("bench.lag.sql-poll-ms", 5), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::pollIndex, 20, Settings.intProp("bench.lag.es-poll-ms", 20), TimeUnit.MILLISECONDS);
    }

    /** The probe's own chat; a 503 or a timeout (the load before may still drain) is retried for 30 s. */
    private long createChat() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> created = post("/chats", "{\"title\":\"lag probe\"}");
                if (created.statusCode() == 201) {
                    return JSON.readTree(created.body()).path("number").asLong();
                }
                last = created.statusCode() + " " + created.body();
                if (created.statusCode() != 503) {
                    break;
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000); // the contract's answer to a 503: retry later
        }
        throw new IllegalStateException("cannot create the probe chat: " + last);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/applications/" + token + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void probe() {
        try {
            long sent = System.nanoTime();
            HttpResponse<String> response = post("/chats/" + chat + "/messages", "{\"body\":\"lag probe message\"}");
            long acknowledged = System.nanoTime();
            if (response.statusCode() != 201) {
                posted.error();
                return;
            }
            posted.add(acknowledged - sent);
            long number = JSON.readTree(response.body()).path("number").asLong();
            unpersisted.put(number, acknowledged);
            unsearchable.put(number, acknowledged);
        } catch (Exception e) {
            posted.error();
        }
    }

    private void pollMysql() {
        if (unpersisted.isEmpty()) {
            return;
        }
        try {
            long low = unpersisted.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            try (PreparedStatement statement = db.prepareStatement(
                    "SELECT number FROM messages WHERE app_id = ? AND chat_number = ? AND number >= ?")) {
                statement.setLong(1, app);
                statement.setLong(2, chat);
                statement.setLong(3, low);
                try (ResultSet rows = statement.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        Long acknowledged = unpersisted.remove(rows.getLong(1));
                        if (acknowledged != null) {
                            persisted.add(now - acknowledged);
                        }
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("[lag] MySQL poll failed: " + e);
        }
    }

    private void pollIndex() {
        if (unsearchable.isEmpty()) {
            return;
        }
        try {
            StringJoiner numbers = new StringJoiner(",");
            unsearchable.keySet().forEach(n -> numbers.add(Long.toString(n)));
            String query = """
                    {"size": 1000, "_source": false, "docvalue_fields": ["number"],
                     "query": {"bool": {"filter": [{"term": {"app_id": %d}}, {"term": {"chat_number": %d}},
                                                   {"terms": {"number": [%s]}}]}}}"""
                    .formatted(app, chat, numbers);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(Settings.esUrl() + "/" + Settings.esIndex() + "/_search"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() != 200) {
                return;
            }
            for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
                Long acknowledged = unsearchable.remove(hit.path("fields").path("number").path(0).asLong());
                if (acknowledged != null) {
                    searchable.add(now - acknowledged);
                }
            }
        } catch (Exception e) {
            System.err.println("[lag] index poll failed: " + e);
        }
    }

    /** Stops probing, waits (bounded) for the outstanding probes, and records the figures. */
    @Override
    public void close() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // Stop posting: only the pollers keep running.
        scheduler.shutdown();
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2);
        pollers.scheduleWithFixedDelay(this::pollMysql, 0, 5, TimeUnit.MILLISECONDS);
        pollers.scheduleWithFixedDelay(this::pollIndex, 0, 20, TimeUnit.MILLISECONDS);
        while ((!unpersisted.isEmpty() || !unsearchable.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        pollers.shutdownNow();
        if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
            System.err.println("[lag] a probe POST was still running after 10 s");
        }
        System.err.printf("[lag] %d probes posted (%d failed), %d never persisted, %d never searchable%n",
                posted.summary().count(), posted.summary().errors(), unpersisted.size(), unsearchable.size());
        for (int i = 0; i < unpersisted.size(); i++) {
            persisted.error();
        }
        for (int i = 0; i < unsearchable.size(); i++) {
            searchable.error();
        }
        Results.put(key + ".probe_post", posted.summary());
        Results.put(key + ".persisted", persisted.summary());
        Results.put(key + ".searchable", searchable.summary());
        db.close();
    }
}
