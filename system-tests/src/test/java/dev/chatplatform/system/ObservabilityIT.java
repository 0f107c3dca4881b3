package dev.chatplatform.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 on the running stack: what an on-call engineer relies on. Actuator only on the management ports;
 * the API docs' browsable UI; one trace from the POST through RabbitMQ, the worker's batch, its MySQL write and
 * the Elasticsearch bulk request to the event fan-out; JSON logs with trace ids and neither tokens nor bodies;
 * and a real Prometheus (Debian's, on loopback) scraping both processes, with every dashboard query and every
 * alert rule of docker/observability answering, and a screenshot of its graph page from a headless browser.
 */
@ExtendWith(PlatformExtension.class)
class ObservabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path OBSERVABILITY = Path.of(System.getProperty("chat.observability.dir", "../docker/observability"));
    private static final Path PROMETHEUS = Path.of(System.getenv().getOrDefault("CHAT_PROMETHEUS", "/usr/bin/prometheus"));
    private static final Path PROMTOOL = Path.of(System.getenv().getOrDefault("CHAT_PROMTOOL", "/usr/bin/promtool"));
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHAT_CHROMIUM", "/usr/bin/chromium"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void actuatorAnswersOnTheManagementPortOnlyAndSwaggerUiOnThePublicOne(Platform platform) {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics")) {
            assertThat(get(platform.apiUri().resolve(path)).statusCode()).as("public %s", path).isEqualTo(404);
        }
        HttpResponse<String> health = get(platform.apiManagementUri().resolve("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"redis\"", "\"rabbit\"", "\"db\"", "\"elasticsearch\"");
        assertThat(get(platform.apiManagementUri().resolve("/actuator/prometheus")).body())
                .contains("http_server_requests_seconds_bucket", "chat_dependency_up");

        HttpResponse<String> ui = get(platform.apiUri().resolve("/swagger-ui/index.html"));
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger-ui");
        HttpResponse<String> docs = get(platform.apiUri().resolve("/v3/api-docs"));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"429\"", "\"503\"", "Retry-After", "RateLimit-Remaining");
    }

    @Test
    void oneTraceFollowsAWriteFromThePostToTheFanOut(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("traced"));
        long chat = client.newChat(token);
        EventStream events = EventStream.open(platform.apiUri(), token, chat);
        try {
            String traceId = randomHex(16);
            HttpResponse<String> posted = send(HttpRequest.newBuilder(platform.apiUri()
                            .resolve("/api/v1/applications/" + token + "/chats/" + chat + "/messages"))
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"traced " + TestData.tag() + "\"}")));
            assertThat(posted.statusCode()).isEqualTo(201);

            Set<String> expected = Set.of("chat.publish message", "chat.worker.persist", "chat.db.write",
                    "chat.worker.index", "chat.events.fanout");
            await("the trace's spans").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> names(platform.traces().trace(traceId)).containsAll(expected));
            List<OtlpReceiver.ReceivedSpan> trace = platform.traces().trace(traceId);
            log("trace %s: %s", traceId, trace.stream().map(span -> span.service() + "/" + span.name()).toList());
            assertThat(trace).extracting(OtlpReceiver.ReceivedSpan::service).contains("chat-api", "chat-worker");
            assertThat(trace).anySatisfy(span -> assertThat(span.name()).startsWith("http post"));
            // One tree: every span but the request's own has its parent in the trace.
            Set<String> ids = new LinkedHashSet<>(trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).toList());
            assertThat(trace).filteredOn(span -> span.name().startsWith("chat."))
                    .allSatisfy(span -> assertThat(ids).contains(span.parentSpanId()));
            assertThat(trace).allSatisfy(span -> assertThat(span.name()).doesNotContain(token));
        } finally {
            events.close();
        }
    }

    @Test
    void logsAreJsonLinesWithTraceIdsAndNeitherTokensNorBodies(Platform platform) throws IOException {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("logged"));
        long chat = client.newChat(token);
        String secretBody = "private words " + TestData.tag();
        assertThat(client.postMessage(token, chat, secretBody).status()).isEqualTo(201);
        String traceId = randomHex(16);
        HttpResponse<String> failed = send(HttpRequest.newBuilder(platform.apiUri()
                        .resolve("/api/v1/applications/" + token + "/chats/987654321"))
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01").GET());
        assertThat(failed.statusCode()).isEqualTo(404);
        await("persisted").atMost(Duration.ofSeconds(60))
                .until(() -> platform.truth().messageCount(platform.truth().appId(token).orElseThrow(), chat) == 1);

        await("the failed request's line").atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(platform.latestLog("api")).contains(traceId));
        for (String kind : List.of("api", "worker")) {
            List<String> lines = Files.readAllLines(platform.latestLog(kind));
            assertThat(lines).as("%s log", kind).isNotEmpty();
            for (String line : lines) {
                JsonNode entry = JSON.readTree(line); // every line is one JSON object
                assertThat(entry.has("@timestamp") && entry.has("message")).as(line).isTrue();
                assertThat(line).as("%s log", kind).doesNotContain(token).doesNotContain(secretBody);
            }
        }
        String failure = Files.readAllLines(platform.latestLog("api")).stream()
                .filter(line -> line.contains(traceId)).findFirst().orElseThrow();
        assertThat(failure).contains("request failed: GET /api/v1/applications/{token}/chats/{number} answered 404");
        assertThat(Files.readString(platform.latestLog("worker"))).contains("persist batch: ");
    }

    @Test
    void prometheusScrapesBothProcessesAndEveryDashboardQueryAndAlertAnswers(Platform platform) throws Exception {
        assumeThat(Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL))
                .as("Debian's prometheus package (scripts/test.sh installs it)").isTrue();
        Path rules = OBSERVABILITY.resolve("prometheus/alerts.yml").toAbsolutePath();
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", rules.toString())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0).as(checked).isTrue();
        // The rules' own unit tests (alerts.test.yml): each alert fires, and stays quiet, where it should.
        Process ruleTests = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", "alerts.test.yml")
                .directory(rules.getParent().toFile()).redirectErrorStream(true).start();
        String tested = new String(ruleTests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ruleTests.waitFor(60, TimeUnit.SECONDS) && ruleTests.exitValue() == 0).as(tested).isTrue();

        Path home = Files.createTempDirectory("prometheus-it");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(home.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ["%s"]
                scrape_configs:
                  - job_name: chat-api
                    metrics_path: /actuator/prometheus
                    static_configs: [{targets: ["127.0.0.1:%d"]}]
                  - job_name: chat-worker
                    metrics_path: /actuator/prometheus
                    static_configs: [{targets: ["127.0.0.1:%d"]}]
                """.formatted(rules, platform.apiManagementUri().getPort(), platform.workerUri().getPort()));
        Path logs = Platform.logDirectory();
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(logs.resolve("prometheus.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            await("prometheus ready").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(base.resolve("/-/ready")).statusCode() == 200);
            traffic(platform);
            try {
                await("both processes scraped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> query(base, "sum(up{job=~\"chat-api|chat-worker\"})").path(0).path("value").path(1)
                                .asString("0").equals("2"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("targets: " + get(base.resolve("/api/v1/targets")).body(), e);
            }

            List<String> dashboard = dashboardQueries();
            assertThat(dashboard).hasSizeGreaterThan(20);
            List<String> empty = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (String expr : dashboard) {
                while (query(base, expr).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        empty.add(expr);
                        break;
                    }
                    traffic(platform);
                    Thread.sleep(1000);
                }
            }
            assertThat(empty).as("dashboard queries without a series").isEmpty();

            // Alert rules answer nothing while healthy (up == 0 is empty): each one must load and evaluate
            // without error, and each metric it reads must exist.
            await("rules evaluated").atMost(Duration.ofSeconds(30)).until(() -> ruleHealth(base).size() > 5);
            List<JsonNode> ruleStates = ruleHealth(base);
            assertThat(ruleStates).allSatisfy(rule -> assertThat(rule.path("health").asString())
                    .as(rule.path("name").asString() + ": " + rule.path("lastError").asString()).isEqualTo("ok"));
            Set<String> missing = new LinkedHashSet<>();
            for (JsonNode rule : ruleStates) {
                for (String metric : metrics(rule.path("query").asString())) {
                    if (query(base, "count({__name__=\"" + metric + "\"})").isEmpty()) {
                        missing.add(metric + " (" + rule.path("name").asString() + ")");
                    }
                }
            }
            assertThat(missing).as("metrics the alert rules read that no process exports").isEmpty();
            log("prometheus: %d dashboard queries and %d alert rules answered", dashboard.size(), ruleStates.size());

            screenshot(base, logs.resolve("prometheus-graph.png"));
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    /** Writes and reads of every kind, a failed request and a dead letter: what the panels show. */
    private static void traffic(Platform platform) {
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("observed"));
        client.putUser(token, "ann", "Ann", "+6590000000");
        long chat = client.newChat(token);
        long first = client.newMessage(token, chat, "hello " + TestData.tag());
        client.react(token, chat, first, "ann", "like", 1);
        client.receipt(token, chat, "ann", first, first);
        client.listChats(token);
        client.listMessages(token, chat, "");
        client.search(token, chat, "hello", 10, null);
        client.getChat(token, 999_999);
        platform.publishRawCommand("message", "{not json".getBytes(StandardCharsets.UTF_8));
    }

    private List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = JSON.readTree(OBSERVABILITY.resolve("grafana/dashboards/chat-platform.json").toFile());
        List<String> queries = new ArrayList<>();
        collect(dashboard.path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(target.get("expr").asString());
                }
            }
            collect(panel.path("panels"), queries); // a collapsed row holds its panels
        }
    }

    private static final Pattern METRIC = Pattern.compile("\\b((?:chat|http_server|hikaricp|jvm|process|up)[a-z0-9_]*)\\b(?!\\s*\\()");

    /** The metric names a PromQL expression reads (ours and the standard ones it may use). */
    private static Set<String> metrics(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = METRIC.matcher(expr.replaceAll("\\{[^}]*}", " ").replaceAll("\"[^\"]*\"", " "));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private List<JsonNode> ruleHealth(URI base) {
        JsonNode groups = JSON.readTree(get(base.resolve("/api/v1/rules")).body()).path("data").path("groups");
        List<JsonNode> rules = new ArrayList<>();
        groups.forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private JsonNode query(URI base, String expr) {
        HttpResponse<String> answer = get(base.resolve("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asString()).as("%s: %s", expr, answer.body()).isEqualTo("success");
        return body.path("data").path("result");
    }

    /** Prometheus' graph page, drawn by headless Chromium (Debian's), for the closing note. */
    private static void screenshot(URI base, Path file) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            log("no Chromium at %s: no screenshot", CHROMIUM);
            return;
        }
        String expr = URLEncoder.encode("sum by (uri) (rate(http_server_requests_seconds_count{application=\"chat-api\"}[1m]))",
                StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory("prometheus-it-chromium");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--virtual-time-budget=10000",
                "--screenshot=" + file, base + "/graph?g0.expr=" + expr + "&g0.tab=0&g0.range_input=5m")
                .redirectErrorStream(true).redirectOutput(Platform.logDirectory().resolve("chromium-prometheus.log").toFile())
                .start();
        assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium drew the page").isTrue();
        assertThat(Files.size(file)).as("screenshot %s", file).isGreaterThan(10_000);
        log("Prometheus graph page: %s", file);
    }

    private static Set<String> names(List<OtlpReceiver.ReceivedSpan> spans) {
        Set<String> names = new LinkedHashSet<>();
        spans.forEach(span -> names.add(span.name()));
        return names;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
