package dev.chatplatform.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's arithmetic and verdicts on given figures; nothing here is timed. */
class ReportTest {

    private static Map<String, String> figures() {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("meta.post_rates", "500,3000");
        results.put("meta.post_seconds", "1");
        results.put("meta.post_warmup_seconds", "30");
        results.put("meta.read_seconds", "1");
        results.put("meta.inbox_depth", "1000");
        results.put("meta.post_wrk_chats", "100");
        closedLoop(results, "messages_50", 50, 3100, 12, 40, 0);
        closedLoop(results, "messages_200", 200, 2800, 60, 80, 0);
        closedLoop(results, "chats_50", 50, 3200, 11, 35, 0);
        closedLoop(results, "chats_200", 200, 3300, 55, 70, 0);
        closedLoop(results, "dataset_50", 50, 3050, 14, 45, 3);
        closedLoop(results, "bare_write_50", 50, 4000, 9, 30, 0);
        closedLoop(results, "bare_write_200", 200, 5600, 30, 120, 0);
        closedLoop(results, "bare_50", 50, 10000, 4, 17, 0);
        closedLoop(results, "bare_200", 200, 18000, 9, 26, 0);
        http(results, "post_500", 500, 3, 9, 0);
        http(results, "post_3000", 2990, 4, 45, 2);
        results.put("http.post_3000.unavailable", "1");
        results.put("ceiling.redis_incr_per_s", "10000");
        results.put("ceiling.redis_incr_pipelined_per_s", "200000");
        results.put("ceiling.rabbit_confirmed_per_s", "5000");
        latency(results, "lag.persisted", 60, 90);
        latency(results, "lag.searchable", 900, 1600);
        closedLoop(results, "lag_paced", 50, 1000, 9, 40, 0);
        results.put("meta.lag_paced_think_ms", "40");
        results.put("meta.lag_seconds", "30");
        results.put("wrk.post.lag_paced.cpu_ms.beside", "0.3");
        latency(results, "lag_paced.persisted", 150, 420);
        latency(results, "lag_paced.searchable", 470, 850);
        results.put("meta.lag_rate", "2000");
        closedLoop(results, "lag_rate", 50, 2004, 12, 64, 0);
        results.put("wrk.post.lag_rate.cpu_ms.beside", "0.3");
        latency(results, "lag_rate.persisted", 260, 890);
        latency(results, "lag_rate.searchable", 650, 1410);
        events(results, "events", 200, 500, "250.0", 40, 120, 70, 240);
        events(results, "events_1000", 1000, 1000, "90.0", 150, 400, 100, 600);
        results.put("fanout.servers", "2");
        results.put("fanout.subscribers", "1000");
        results.put("fanout.messages", "1000");
        results.put("fanout.paces_ms", "1000,15000");
        for (String pace : new String[] {"1000", "15000"}) {
            results.put("fanout.pace_" + pace + ".frames_per_s", pace.equals("1000") ? "515079.1" : "66172.0");
            results.put("fanout.pace_" + pace + ".p50_ms", "12.2");
            results.put("fanout.pace_" + pace + ".p99_ms", pace.equals("1000") ? "1376.4" : "35.2");
            results.put("fanout.pace_" + pace + ".max_ms", "82.2");
            results.put("fanout.pace_" + pace + ".server_cpu_us_per_frame", "1.9");
            results.put("fanout.pace_" + pace + ".client_cpu_us_per_frame", "1.8");
        }
        results.put("drain.messages", "1000");
        results.put("drain.persisted_per_s", "25000");
        results.put("drain.indexed_per_s", "9000");
        results.put("drain_restart.messages", "1000");
        results.put("drain_restart.persisted_per_s", "15000");
        results.put("drain_restart.indexed_per_s", "8000");
        for (String key : new String[] {"sql.inbox_first", "sql.inbox_deep", "sql.list", "sql.since", "sql.before", "es.search", "es.q_name", "es.q_phone"}) {
            latency(results, key, 1, 3);
        }
        read(results, "first", 1600, 2, 8, 0);
        read(results, "deep", 1400, 2, 8, 0);
        for (String step : new String[] {"name", "phone", "content", "list", "since", "before"}) {
            read(results, step, 900, 4, 9, 0);
        }
        read(results, "search", 100, 10, 60, 0);
        return results;
    }

    private static void events(Map<String, String> results, String key, int subscribers, int messages, String postedPerSecond,
                               double postP50, double postP99, double deliveryP50, double deliveryP99) {
        results.put(key + ".subscribers", Integer.toString(subscribers));
        results.put(key + ".messages", Integer.toString(messages));
        results.put(key + ".posted_per_s", postedPerSecond);
        latency(results, key + ".post", postP50, postP99);
        latency(results, key + ".delivery", deliveryP50, deliveryP99);
        results.put(key + ".missing", "0");
        results.put(key + ".out_of_order_subscribers", "0");
    }

    private static void read(Map<String, String> results, String step, double perSecond, double p50, double p99, long errors) {
        results.put("read." + step + ".per_s", Double.toString(perSecond));
        results.put("read." + step + ".p50_ms", Double.toString(p50));
        results.put("read." + step + ".p99_ms", Double.toString(p99));
        results.put("read." + step + ".errors", Long.toString(errors));
        for (String process : new String[] {"api", "mariadb", "elasticsearch", "wrk"}) {
            results.put("read." + step + ".cpu_ms." + process, "0.25");
        }
    }

    private static void closedLoop(Map<String, String> results, String step, int clients, double perSecond, double p50,
                                   double p99, long errors) {
        String key = "wrk.post." + step;
        results.put(key + ".clients", Integer.toString(clients));
        results.put(key + ".per_s", Double.toString(perSecond));
        results.put(key + ".p50_ms", Double.toString(p50));
        results.put(key + ".p99_ms", Double.toString(p99));
        results.put(key + ".errors", Long.toString(errors));
        for (String process : new String[] {"api", "worker", "rabbitmq", "elasticsearch", "redis", "mariadb", "wrk"}) {
            results.put(key + ".cpu_ms." + process, "0.1");
        }
    }

    private static void http(Map<String, String> results, String key, long count, double p50, double p99, long errors) {
        latency(results, "http." + key, p50, p99);
        results.put("http." + key + ".count", Long.toString(count));
        results.put("http." + key + ".errors", Long.toString(errors));
    }

    private static void latency(Map<String, String> results, String prefix, double p50, double p99) {
        results.put(prefix + ".count", "100");
        results.put(prefix + ".errors", "0");
        results.put(prefix + ".p50_ms", Double.toString(p50));
        results.put(prefix + ".p99_ms", Double.toString(p99));
        results.put(prefix + ".max_ms", Double.toString(p99 * 2));
    }

    @Test
    void everyFigureStandsBesideItsTargetWithAVerdict() {
        Report report = new Report(figures());
        String markdown = report.markdown();

        assertTrue(markdown.contains("| message, 100 chats | 50 | 3100 | 12 | 40 | 0 | 0.100, 0.100, 0.100, 0.100, 0.100, "
                + "0.100, 0.100 (0.700) | >= 3,000/s, p99 <= 50 ms: **met** |"), markdown);
        assertTrue(markdown.contains("| message, 100 chats | 200 | 2800 | 60 | 80 | 0 |"), markdown);
        assertTrue(markdown.contains("| >= 3,000/s, p99 <= 50 ms: **missed** |"), markdown);
        assertTrue(markdown.contains("| message, random chats of the data set | 50 | 3050 | 14 | 45 | 3 |"), markdown);
        assertTrue(markdown.contains("| yardstick: message, 100 chats, our write path, no web framework | 200 | 5600 | 30 | 120 | 0 "
                + "| 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100 (0.700) | (yardstick) |"), markdown);
        assertTrue(markdown.contains("| yardstick: the numbering script and the confirmed publish alone | 50 | 10000 | 4.0 | 17 |"),
                markdown);
        assertTrue(markdown.contains("At 50 clients our POST message answered 78% of the first's rate and 31% of the second's. "
                + "At 200 clients our POST message answered 50% of the first's rate and 16% of the second's."), markdown);
        assertTrue(markdown.contains("| 3000/s | 2990 | 4 | 45 | 90 | 2992 | 2 | 1 | **missed** |"), markdown);
        assertTrue(markdown.contains("| 500/s | 500 | 3 | 9 | 18 | 500 | 0 | 0 | p99 met (below target rate) |"), markdown);
        assertTrue(markdown.contains("The most 201s per second at any rate, 2990/s, are 59.8% of the confirmed-publish"), markdown);
        assertTrue(markdown.contains("| 201 -> persisted in MySQL | 100 | 60 | 90 | 180 | 0 | p99 <= 100 ms: **met** |"), markdown);
        assertTrue(markdown.contains("| 201 -> searchable in Elasticsearch | 100 | 900 | 1600 | 3200 | 0 | p99 <= 1,000 ms: **missed** |"), markdown);
        assertTrue(markdown.contains("| 200 x 500 | 250.0 | 120.0 | 100 | 70 | 240 | 480 | 0 | 0 | p99 <= 250 ms, all in order: **met** |"),
                markdown);
        assertTrue(markdown.contains("| 1,000 x 1,000 | 90.0 | 400.0 | 100 | 100 | 600 | 1200 | 0 | 0 | p99 <= 500 ms, all in order: "
                + "**missed** |"), markdown);
        assertTrue(markdown.contains("| 1,000 ms | 515,079 | 12 | 1376 | 82 | 1.9, 1.8 |"), markdown);
        assertTrue(markdown.contains("| 15,000 ms | 66,172 | 12 | 35 | 82 | 1.9, 1.8 |"), markdown);
        assertTrue(markdown.contains("| running, consumers resumed | 25000 | 9000 | >= 20,000 persisted/s: **met** |"), markdown);
        assertTrue(markdown.contains("| restarted (1000 commands) | 15000 | 8000 | (the same worker, cold) |"), markdown);
        assertTrue(markdown.contains("| inbox first page | 1600 | 2.0 | 8.0 | 0 | 1.0 / 3.0 | 0.25, 0.25, 0.25, 0.25 "
                + "| p99 <= 10 ms, >= 1,500/s: **met** |"), markdown);
        assertTrue(markdown.contains("| inbox 1000 pages deep | 1400 | 2.0 | 8.0 | 0 | 1.0 / 3.0 | 0.25, 0.25, 0.25, 0.25 "
                + "| p99 <= 10 ms, >= 1,500/s: **missed** |"), markdown);
        assertTrue(markdown.contains("| inbox q by message content | 900 | 4.0 | 9.0 | 0 |  |"), markdown);
        assertTrue(markdown.contains("| search in the biggest chat | 100 | 10 | 60 | 0 | 1.0 / 3.0 | 0.25, 0.25, 0.25, 0.25 "
                + "| p99 <= 25 ms: **missed** |"), markdown);
        assertTrue(markdown.contains("| before=N, biggest chat | 900 | 4.0 | 9.0 | 0 | 1.0 / 3.0 |"), markdown);
        assertTrue(markdown.contains("| lag at a sustained pace |"), markdown);
        assertTrue(markdown.contains("The load: 1000 answers 201/s, p50 9.0 ms, p99 40 ms, 0 non-2xx; CPU ms per 201: API, "
                + "worker, RabbitMQ, Elasticsearch, Redis, MariaDB, wrk, the probe's JVM: 0.100, 0.100, 0.100, 0.100, 0.100, "
                + "0.100, 0.100, 0.300 (1.000)."), markdown);
        assertTrue(markdown.contains("| 201 -> searchable in Elasticsearch | 100 | 470 | 850 | 1700 | 0 | p99 <= 1,000 ms: **met** |"),
                markdown);
        assertTrue(markdown.contains("**At the bar's rate, on a schedule.** The same probe beside wrk offering 2000 POSTs/s "
                + "in all on a fixed schedule (50 connections,"), markdown);
        assertTrue(markdown.contains("The load: 2004 answers 201/s, p50 12 ms, p99 64 ms, 0 non-2xx;"), markdown);
        assertTrue(markdown.contains("| lag at the bar's rate | probes |"), markdown);
        assertTrue(markdown.contains("| 201 -> searchable in Elasticsearch | 100 | 650 | 1410 | 2820 | 0 | p99 <= 1,000 ms: **missed** |"),
                markdown);
        assertTrue(markdown.contains("500/s, is 10.0% of the confirmed-publish ceiling and 5.0% of the Redis INCR ceiling"), markdown);
        assertEquals(java.util.List.of(), report.missing());
    }

    @Test
    void aStepWithNoFiguresIsNamedAsMissing() {
        Map<String, String> results = figures();
        results.keySet().removeIf(key -> key.startsWith("drain.") || key.startsWith("read.search") || key.startsWith("sql.since")
                || key.startsWith("wrk.post.chats_200.") || key.startsWith("wrk.post.bare"));

        Report report = new Report(results);
        String markdown = report.markdown();

        assertTrue(markdown.contains("| yardstick: the numbering script and the confirmed publish alone | | (not run: the API "
                + "without CHAT_BENCH_BARE_PORT) |"), markdown);
        assertEquals(java.util.List.of("POST closed loop chats_200", "drain", "search in the biggest chat", "sql.since"),
                report.missing());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(50.0, Latencies.percentile(sorted, 50));
        assertEquals(99.0, Latencies.percentile(sorted, 99));
        assertEquals(0.0, Latencies.percentile(new long[0], 99));
    }

    @Test
    void theDataSetFileIsReadAsShellAssignments() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("dataset", ".env");
        java.nio.file.Files.writeString(file, "# made by dataset.sh\nCHAT_DATASET_TOKEN=abc\nexport CHAT_DATASET_CHATS='12'\n");
        Map<String, String> values = Settings.readEnvFile(file);
        assertEquals("abc", values.get("CHAT_DATASET_TOKEN"));
        assertEquals("12", values.get("CHAT_DATASET_CHATS"));
    }
}
