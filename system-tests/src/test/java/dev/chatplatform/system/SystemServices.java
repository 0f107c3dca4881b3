package dev.chatplatform.system;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the real services are. With Docker, Testcontainers starts them; without it, they are read from
 * the CHAT_* variables that scripts/services.sh exports (127.0.0.1 defaults). The system tests never
 * skip: services that cannot be reached fail the run.
 */
record SystemServices(String dbServerUrl, String dbUrlQuery, String dbUser, String dbPassword,
                      String redisHost, int redisPort,
                      String rabbitHost, int rabbitPort, String rabbitUser, String rabbitPassword, String rabbitVhost,
                      String esUrl, List<GenericContainer<?>> containers) {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)(/[^?]*)?(\\?.*)?$");

    static SystemServices resolve() {
        return DockerClientFactory.instance().isDockerAvailable() ? startContainers() : fromEnvironment();
    }

    /** The JDBC URL of {@code database} on the same server. */
    String databaseUrl(String database) {
        return dbServerUrl + "/" + database + dbUrlQuery;
    }

    private static SystemServices fromEnvironment() {
        Map<String, String> env = System.getenv();
        String dbUrl = env.getOrDefault("CHAT_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/chat_test");
        Matcher url = JDBC_URL.matcher(dbUrl);
        if (!url.matches()) {
            throw new IllegalStateException("CHAT_TEST_DB_URL is not a JDBC URL: " + dbUrl);
        }
        return new SystemServices(url.group(1), url.group(3) == null ? "" : url.group(3),
                env.getOrDefault("CHAT_DB_USER", "chat"), env.getOrDefault("CHAT_DB_PASSWORD", "chat"),
                env.getOrDefault("CHAT_REDIS_HOST", "127.0.0.1"), Integer.parseInt(env.getOrDefault("CHAT_REDIS_PORT", "6379")),
                env.getOrDefault("CHAT_RABBIT_HOST", "127.0.0.1"), Integer.parseInt(env.getOrDefault("CHAT_RABBIT_PORT", "5672")),
                env.getOrDefault("CHAT_RABBIT_USER", "chat"), env.getOrDefault("CHAT_RABBIT_PASSWORD", "chat"),
                // Never CHAT_RABBIT_VHOST: that is the development platform's vhost.
                env.getOrDefault("CHAT_TEST_RABBIT_VHOST", "chat_test"),
                env.getOrDefault("CHAT_ES_URL", "http://127.0.0.1:9200"), List.of());
    }

    @SuppressWarnings("resource") // stopped in stopContainers()
    private static SystemServices startContainers() {
        List<GenericContainer<?>> started = new ArrayList<>();
        GenericContainer<?> mysql = new GenericContainer<>("mysql:8.4")
                .withEnv("MYSQL_ROOT_PASSWORD", "chat")
                .withExposedPorts(3306)
                .waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*\\n", 1)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
        GenericContainer<?> rabbit = new GenericContainer<>("rabbitmq:3.13-management")
                .withEnv("RABBITMQ_DEFAULT_USER", "chat")
                .withEnv("RABBITMQ_DEFAULT_PASS", "chat")
                .withEnv("RABBITMQ_DEFAULT_VHOST", "chat_test")
                .withExposedPorts(5672)
                .waitingFor(Wait.forLogMessage(".*Server startup complete.*\\n", 1)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        GenericContainer<?> elasticsearch = new GenericContainer<>("docker.elastic.co/elasticsearch/elasticsearch:8.19.2")
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        for (GenericContainer<?> container : List.of(mysql, redis, rabbit, elasticsearch)) {
            container.start();
            started.add(container);
        }
        return new SystemServices("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306),
                "?allowPublicKeyRetrieval=true&useSSL=false", "root", "chat",
                redis.getHost(), redis.getMappedPort(6379),
                rabbit.getHost(), rabbit.getMappedPort(5672), "chat", "chat", "chat_test",
                "http://" + elasticsearch.getHost() + ":" + elasticsearch.getMappedPort(9200), List.copyOf(started));
    }

    /** MariaDB (the machine's service) is the application's default; a MySQL 8.4 container needs its dialect. */
    Map<String, String> dialectEnvironment() {
        return containers.isEmpty() ? Map.of() : Map.of("CHAT_DB_DIALECT", "org.hibernate.dialect.MySQLDialect",
                "CHAT_DB_MAJOR_VERSION", "8", "CHAT_DB_MINOR_VERSION", "4");
    }

    void stopContainers() {
        containers.reversed().forEach(GenericContainer::stop);
    }
}
