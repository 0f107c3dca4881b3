package dev.chatplatform.system;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import dev.chatplatform.infra.wire.WriteTopology;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The running system under test: the API and the worker as child processes of this JVM, started from
 * their boot jars (api/target/chat-api.jar, worker/target/chat-worker.jar), on the real services but on throwaway resources of their own (a database
 * {@code chat_sys_<run>}, one Redis database index, the test vhost's write queues, an index
 * {@code messages_sys_<run>}). Started once per JVM by {@link PlatformExtension}, closed at the end.
 */
final class Platform implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final int STARTUP_RETRIES = 2;
    /** Persist partitions the platform runs with (the product's default is one). */
    static final int WRITE_PARTITIONS = 2;
    private static final List<String> WRITE_QUEUES = java.util.stream.Stream.concat(
            WriteTopology.persistQueues(WRITE_PARTITIONS).stream(),
            java.util.stream.Stream.of(WriteTopology.INDEX_QUEUE, WriteTopology.DEAD_LETTER_QUEUE)).toList();
    /** The system properties naming the boot jars (set by the Failsafe configuration of system-tests/pom.xml). */
    private static final String API_JAR = "chat.api.jar";
    private static final String WORKER_JAR = "chat.worker.jar";
    private static final String DATASET_JAR = "chat.dataset.jar";

    private final SystemServices services;
    private final String database;
    private final int redisDatabase;
    private final String esIndex;
    private final Path logDir;
    private final int apiPort;
    /** The API's management port (actuator: health, metrics, prometheus); the public port serves none of it. */
    private final int apiManagementPort;
    private final int workerPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger apiStarts = new AtomicInteger();
    private final AtomicInteger workerStarts = new AtomicInteger();
    private final ChatClient client;
    private final Truth truth;
    /** Where both processes export their spans (only requests that arrive sampled make any). */
    private final OtlpReceiver traces = new OtlpReceiver();
    private volatile Process api;
    private volatile Process worker;
    /** More API instances, started by the tests that need them (the real-time fan-out, load shedding). */
    private final Map<String, ExtraApi> extraApis = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private Platform(SystemServices services, String runId) throws IOException {
        this.services = services;
        this.database = "chat_sys_" + runId;
        this.redisDatabase = Integer.parseInt(System.getenv().getOrDefault("CHAT_SYS_REDIS_DATABASE", "13"));
        this.esIndex = "messages_sys_" + runId;
        this.logDir = logDirectory();
        this.apiPort = freePort();
        this.apiManagementPort = freePort();
        this.workerPort = freePort();
        this.client = new ChatClient(URI.create("http://127.0.0.1:" + apiPort));
        this.truth = new Truth(services.databaseUrl(database), services.dbUser(), services.dbPassword());
    }

    static Platform start() {
        jar(API_JAR);
        jar(WORKER_JAR);
        long started = System.nanoTime();
        SystemServices services = SystemServices.resolve();
        Platform platform;
        try {
            byte[] runId = new byte[4];
            new SecureRandom().nextBytes(runId);
            platform = new Platform(services, HexFormat.of().formatHex(runId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::killProcesses, "system-platform-kill"));
        try {
            platform.prepareResources();
            platform.api = platform.launch("api", API_JAR, platform.apiStarts);
            platform.worker = platform.launch("worker", WORKER_JAR, platform.workerStarts);
            CompletableFuture<Void> apiUp = CompletableFuture.runAsync(() -> platform.awaitHealthy("api"));
            platform.awaitHealthy("worker");
            apiUp.join();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        log("platform up in %.1f s: api :%d, worker :%d, database %s, redis db %d, vhost %s, index %s",
                seconds(started), platform.apiPort, platform.workerPort, platform.database, platform.redisDatabase,
                services.rabbitVhost(), platform.esIndex);
        return platform;
    }

    ChatClient client() {
        return client;
    }

    /** The API's base address, http://127.0.0.1:port. */
    URI apiUri() {
        return URI.create("http://127.0.0.1:" + apiPort);
    }

    /** The API's management address (actuator), http://127.0.0.1:port. */
    URI apiManagementUri() {
        return URI.create("http://127.0.0.1:" + apiManagementPort);
    }

    /** The worker's address: it serves only actuator (health, metrics, prometheus, reindex). */
    URI workerUri() {
        return URI.create("http://127.0.0.1:" + workerPort);
    }

    /** Where the latest log of the API ("api") or the worker ("worker") is written. */
    Path latestLog(String kind) {
        return logFile(kind, "api".equals(kind) ? apiStarts.get() : workerStarts.get());
    }

    /**
     * The base address of a second API instance on the same services (another port, another event queue),
     * started on the first call and stopped with the platform.
     */
    synchronized URI secondApiUri() {
        return extraApiUri("api-b", Map.of());
    }

    /**
     * Another API instance on the same services, started on first use under {@code name} with the platform's
     * environment plus {@code overrides} (e.g. a small CHAT_API_MAX_IN_FLIGHT), stopped with the platform.
     */
    synchronized URI extraApiUri(String name, Map<String, String> overrides) {
        ExtraApi extra = extraApis.get(name);
        if (extra == null || !extra.process().isAlive()) {
            int port;
            int managementPort;
            try {
                port = freePort();
                managementPort = freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AtomicInteger starts = extra == null ? new AtomicInteger() : extra.starts();
            long started = System.nanoTime();
            Map<String, String> environment = new java.util.HashMap<>(overrides);
            environment.put("CHAT_API_PORT", Integer.toString(port));
            environment.put("CHAT_API_MANAGEMENT_PORT", Integer.toString(managementPort));
            Process process = launch(name, API_JAR, starts, environment);
            extra = new ExtraApi(process, port, starts);
            extraApis.put(name, extra);
            URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the API " + name + " exited while starting; see "
                            + logFile(name, starts.get()));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the API " + name + " was not healthy within " + STARTUP_TIMEOUT);
                }
                pause(Duration.ofMillis(250));
            }
            log("API %s up on :%d in %.1f s", name, port, seconds(started));
        }
        return URI.create("http://127.0.0.1:" + extra.port());
    }

    private record ExtraApi(Process process, int port, AtomicInteger starts) {
    }

    /** The spans the processes exported. */
    OtlpReceiver traces() {
        return traces;
    }

    /** The database, read directly: what the worker actually stored. */
    Truth truth() {
        return truth;
    }

    /** kill -9 the worker and wait until it is gone: whatever it held unacknowledged goes back to the queue. */
    void killWorker() {
        Process current = worker;
        current.destroyForcibly();
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the worker survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        log("worker killed with SIGKILL (pid %d, exit %d)", current.pid(), current.exitValue());
    }

    /** Starts a new worker process without waiting for it; see {@link #awaitWorkerHealthy()}. */
    void launchWorker() {
        launchWorker(Map.of());
    }

    /** Starts a worker whose environment differs from the platform's, e.g. pointed at a dead Elasticsearch. */
    void launchWorker(Map<String, String> environmentOverrides) {
        if (worker.isAlive()) {
            throw new IllegalStateException("a worker is already running (pid " + worker.pid() + ")");
        }
        worker = launch("worker", WORKER_JAR, workerStarts, environmentOverrides);
    }

    void awaitWorkerHealthy() {
        long started = System.nanoTime();
        awaitHealthy("worker");
        log("worker healthy %.1f s after the wait began", seconds(started));
    }

    /**
     * Makes sure a healthy worker runs: a test that stopped it and failed half way must not leave the next
     * test without one. Costs one health request when all is well.
     */
    void ensureWorkerRunning() {
        if (!api.isAlive()) {
            throw new IllegalStateException("the API process died; see " + logFile("api", apiStarts.get()));
        }
        if (!worker.isAlive()) {
            log("no worker running: starting one");
            launchWorker();
        }
        awaitHealthy("worker");
    }

    /**
     * Makes Redis stop answering every client for the given time (CLIENT PAUSE ALL): to the API it looks
     * like a hung server, whose commands time out. Redis answers again by itself when the time is up.
     */
    void hangRedis(Duration duration) {
        try (UnifiedJedis redis = redis()) {
            redis.sendCommand(Protocol.Command.CLIENT, "PAUSE", Long.toString(duration.toMillis()), "ALL");
        }
    }

    /** FLUSHDB of the run's Redis database: every counter and every pending write is gone. */
    void wipeRedis() {
        try (UnifiedJedis redis = redis()) {
            redis.flushDB();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(api);
        extraApis.values().forEach(extra -> stop(extra.process()));
        stop(worker);
        cleanUp("drop database " + database, () -> admin(statement -> statement.execute("DROP DATABASE IF EXISTS " + database)));
        cleanUp("delete indices " + esIndex + "(-chats)", () -> deleteIndex());
        cleanUp("delete write queues", this::deleteWriteQueues);
        cleanUp("flush redis db " + redisDatabase, this::wipeRedis);
        services.stopContainers();
        traces.close();
        log("platform stopped and cleaned up (logs in %s)", logDir);
    }

    // ---------------------------------------------------------------------------------------------

    private void prepareResources() {
        try {
            admin(statement -> statement.execute(
                    "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("MariaDB/MySQL at " + services.dbServerUrl() + " is not usable as "
                    + services.dbUser() + " (start the services with scripts/services.sh and source its env)", e);
        }
        try {
            wipeRedis();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis at " + services.redisHost() + ":" + services.redisPort()
                    + " is not reachable", e);
        }
        try {
            deleteWriteQueues();
        } catch (RuntimeException e) {
            throw new IllegalStateException("RabbitMQ at " + services.rabbitHost() + ":" + services.rabbitPort()
                    + " vhost " + services.rabbitVhost() + " is not usable", e);
        }
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(services.esUrl() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("cluster health answered " + status);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw new IllegalStateException("Elasticsearch at " + services.esUrl() + " is not usable", e);
        }
    }

    /** A boot jar named by a system property, built by `mvn verify` in its module's package phase. */
    static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name a boot jar (run through "
                    + "`mvn verify`, which builds it in the package phase); got " + value);
        }
        return Path.of(value).toAbsolutePath();
    }

    /** Where the processes' logs (and ConsoleIT's screenshots) go: system-tests/target/system-logs. */
    static Path logDirectory() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("chat.system.logs", "target/system-logs")).toAbsolutePath());
    }

    private Process launch(String kind, String jarProperty, AtomicInteger starts) {
        return launch(kind, jarProperty, starts, Map.of());
    }

    private Process launch(String kind, String jarProperty, AtomicInteger starts, Map<String, String> overrides) {
        Path log = logFile(kind, starts.incrementAndGet());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar(jarProperty).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder.environment());
        builder.environment().putAll(overrides);
        try {
            Process process = builder.start();
            log("started %s (pid %d), log %s", kind, process.pid(), log);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + kind, e);
        }
    }

    /** The platform's CHAT_* settings, in place of any the test JVM inherited. */
    private void environment(Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("CHAT_"));
        env.put("CHAT_DB_URL", services.databaseUrl(database));
        env.put("CHAT_DB_USER", services.dbUser());
        env.put("CHAT_DB_PASSWORD", services.dbPassword());
        env.put("CHAT_REDIS_HOST", services.redisHost());
        env.put("CHAT_REDIS_PORT", Integer.toString(services.redisPort()));
        env.put("CHAT_REDIS_DATABASE", Integer.toString(redisDatabase));
        env.put("CHAT_RABBIT_HOST", services.rabbitHost());
        env.put("CHAT_RABBIT_PORT", Integer.toString(services.rabbitPort()));
        env.put("CHAT_RABBIT_USER", services.rabbitUser());
        env.put("CHAT_RABBIT_PASSWORD", services.rabbitPassword());
        env.put("CHAT_RABBIT_VHOST", services.rabbitVhost());
        env.put("CHAT_ES_URL", services.esUrl());
        env.put("CHAT_ES_INDEX", esIndex);
        env.put("CHAT_API_PORT", Integer.toString(apiPort));
        env.put("CHAT_API_MANAGEMENT_PORT", Integer.toString(apiManagementPort));
        env.put("CHAT_WORKER_PORT", Integer.toString(workerPort));
        env.put("CHAT_COUNTS_RECONCILE_INTERVAL", "PT2S");
        // The write path at its most parallel: two persist partitions, and every batch of 20 commands or more split
        // by chat over the worker's persist threads (decision 0012), so every test checks order and idempotence
        // through both.
        env.put("CHAT_WRITE_PARTITIONS", Integer.toString(WRITE_PARTITIONS));
        env.put("CHAT_WORKER_PARALLEL_FROM", "20");
        // Real-time events: check for stuck sends every second, so a subscriber that stops reading is closed fast.
        env.put("CHAT_EVENTS_HEARTBEAT", "PT1S");
        env.put("CHAT_EVENTS_SENDTIMELIMIT", "PT3S");
        // The production default (no reorder window) unless a run asks for one (see decision 0009).
        String reorderWindow = System.getenv("CHAT_SYS_EVENTS_REORDER_WINDOW");
        if (reorderWindow != null) {
            env.put("CHAT_EVENTS_REORDERWINDOW", reorderWindow);
        }
        // The system tests drive 50 clients and more at once to prove numbers, order and durability; load
        // shedding would answer some of them 503 by design. LoadSheddingIT starts an API with its own limit.
        env.put("CHAT_API_MAX_IN_FLIGHT", "1024");
        // Observability (ObservabilityIT): spans go to the test's collector; no request is sampled unless it
        // arrives sampled (a traceparent header with the sampled flag), so the other tests pay nothing for it.
        env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.tracesEndpoint().toString());
        env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "200ms");
        env.put("CHAT_TRACING_SAMPLING", "0");
        // Meters read on timers: short ones, so a test sees them within seconds.
        env.put("CHAT_OBSERVABILITY_BUSIESTAPPSWINDOW", "PT2S");
        env.put("CHAT_OBSERVABILITY_DEPENDENCYCHECKINTERVAL", "PT1S");
        env.put("CHAT_OBSERVABILITY_QUEUECHECKINTERVAL", "PT1S");
        env.putAll(services.dialectEnvironment());
    }

    /**
     * Runs the jar's data set generator (scripts/dataset.sh's entrypoint) against this platform: its API,
     * database, Redis database and index. Writes dataset.env and dataset-queries.tsv into {@code out};
     * returns the exit code. Killed after {@code timeout}.
     */
    int runDataset(Path out, Duration timeout, String... args) {
        Path log = logDir.resolve("dataset-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar(DATASET_JAR).toString(),
                "--out", out.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(builder.environment());
        builder.environment().put("CHAT_DATASET_API", "http://127.0.0.1:" + apiPort);
        try {
            Process process = builder.start();
            log("started the data set generator (pid %d), log %s", process.pid(), log);
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("the data set generator did not finish within " + timeout + ":\n"
                        + String.join("\n", Files.readAllLines(log)));
            }
            log("data set generator exited with %d:%n%s", process.exitValue(), Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith("[dataset]")).collect(Collectors.joining("\n")));
            if (process.exitValue() != 0) {
                log("its whole log:%n%s", Files.readString(log));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the data set generator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the process to answer 200 on its health endpoint. A process that exits while starting is
     * started again, at most {@link #STARTUP_RETRIES} times: on a starved machine its first database
     * connection can outlast the 3 s connection timeout, and that says nothing about the behaviour under test.
     */
    private void awaitHealthy(String kind) {
        boolean isApi = "api".equals(kind);
        URI health = URI.create("http://127.0.0.1:" + (isApi ? apiManagementPort : workerPort) + "/actuator/health");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        int lastStatus = -1;
        int retries = 0;
        while (System.nanoTime() < deadline) {
            Process process = isApi ? api : worker;
            if (!process.isAlive()) {
                String reason = "the " + kind + " exited with " + process.exitValue() + " while starting:\n" + tail(kind);
                if (retries++ == STARTUP_RETRIES) {
                    throw new IllegalStateException(reason);
                }
                log("%s exited while starting (%s), starting it again", kind, firstCause(kind));
                if (isApi) {
                    api = launch("api", API_JAR, apiStarts);
                } else {
                    worker = launch("worker", WORKER_JAR, workerStarts);
                }
                continue;
            }
            try {
                lastStatus = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the " + kind + " was not healthy within " + STARTUP_TIMEOUT.toSeconds()
                + " s (last status " + lastStatus + "):\n" + tail(kind));
    }

    private String tail(String kind) {
        Path log = logFile(kind, "api".equals(kind) ? apiStarts.get() : workerStarts.get());
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /**
     * The last "Caused by" of the latest log of that kind: the root cause of a failed start. The log is JSON
     * lines, a stack trace one escaped string in its line, so the cause runs to the next escaped line break.
     */
    private String firstCause(String kind) {
        Path log = logFile(kind, "api".equals(kind) ? apiStarts.get() : workerStarts.get());
        try {
            String text = Files.readString(log);
            int at = text.lastIndexOf("Caused by:");
            if (at < 0) {
                return "no cause logged";
            }
            int end = text.length();
            for (String stop : List.of("\\n", "\n")) {
                int found = text.indexOf(stop, at);
                if (found >= 0) {
                    end = Math.min(end, found);
                }
            }
            return text.substring(at, end);
        } catch (IOException | UncheckedIOException e) {
            return "no log";
        }
    }

    private Path logFile(String kind, int start) {
        return logDir.resolve(kind + "-" + start + ".log");
    }

    private UnifiedJedis redis() {
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(services.redisHost(), services.redisPort()))
                .clientConfig(DefaultJedisClientConfig.builder().database(redisDatabase).timeoutMillis(5000).build())
                .build();
    }

    private void deleteWriteQueues() {
        onBroker(channel -> {
            for (String queue : WRITE_QUEUES) {
                channel.queueDelete(queue);
            }
            return null;
        });
    }

    /** Publishes bytes to the write exchange as the API would, but without the API's checks: a poison command. */
    void publishRawCommand(String routingKey, byte[] body) {
        onBroker(channel -> {
            channel.confirmSelect();
            channel.basicPublish(WriteTopology.EXCHANGE, routingKey, true, MessageProperties.PERSISTENT_BASIC, body);
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
    }

    /**
     * Publishes an envelope of commands (a JSON array, as the API's group commit sends them), unchecked, to the
     * last persist partition.
     */
    void publishRawEnvelope(int commands, byte[] body) {
        onBroker(channel -> {
            channel.confirmSelect();
            channel.basicPublish(WriteTopology.EXCHANGE,
                    WriteTopology.routingKey(WriteTopology.COMMANDS_KEY, WRITE_PARTITIONS - 1), true,
                    MessageProperties.PERSISTENT_BASIC.builder()
                            .headers(java.util.Map.of(WriteTopology.COMMANDS_HEADER, commands)).build(), body);
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
    }

    /** Puts a message straight into the dead-letter queue, as the broker or the worker would have left it. */
    void publishDeadLetter(byte[] body) {
        onBroker(channel -> {
            channel.confirmSelect();
            channel.basicPublish("", WriteTopology.DEAD_LETTER_QUEUE, true, MessageProperties.PERSISTENT_BASIC, body);
            channel.waitForConfirmsOrDie(10_000);
            return null;
        });
    }

    /** The vhost of the run's write queues. */
    String rabbitVhost() {
        return services.rabbitVhost();
    }

    /** How many commands wait in the dead-letter queue. */
    long deadLetterCount() {
        return onBroker(channel -> (long) channel.queueDeclarePassive(WriteTopology.DEAD_LETTER_QUEUE).getMessageCount());
    }

    /** A measurement of the worker's Micrometer registry, through its Actuator endpoint (0 if not yet recorded). */
    double workerMetric(String name, String tag) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + workerPort
                    + "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag))).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0;
            }
            return JsonMapper.builder().build().readTree(response.body()).get("measurements").get(0).get("value").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface BrokerWork<T> {
        T run(Channel channel) throws IOException, InterruptedException, java.util.concurrent.TimeoutException;
    }

    private <T> T onBroker(BrokerWork<T> work) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(services.rabbitHost());
        factory.setPort(services.rabbitPort());
        factory.setUsername(services.rabbitUser());
        factory.setPassword(services.rabbitPassword());
        factory.setVirtualHost(services.rabbitVhost());
        factory.setConnectionTimeout(5000);
        try (com.rabbitmq.client.Connection connection = factory.newConnection("chat-system-tests");
             Channel channel = connection.createChannel()) {
            return work.run(channel);
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void deleteIndex() {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(services.esUrl() + "/" + esIndex + "," + esIndex
                            + "-chats?ignore_unavailable=true")).DELETE()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 404) {
                throw new IllegalStateException("DELETE index answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    /** A connection to the server with no default database: ours may not exist yet, or be being dropped. */
    private void admin(SqlWork work) {
        try (Connection connection = DriverManager.getConnection(services.databaseUrl(""), services.dbUser(),
                services.dbPassword()); Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void killProcesses() {
        List<Process> processes = new ArrayList<>(); // either may be null when a start failed
        processes.add(api);
        processes.add(worker);
        extraApis.values().forEach(extra -> processes.add(extra.process()));
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void cleanUp(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log("clean-up failed: %s: %s", what, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.println("[system] " + String.format(format, args));
    }
}
