package dev.chatplatform.adapters.persistence;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own for one test class, {@code chat_it_<random>}, created empty (Flyway migrates
 * it when the Spring context starts) and dropped after. The server is a MySQL container when Docker is
 * available, otherwise the one at CHAT_TEST_DB_URL (scripts/services.sh: MariaDB), whose user may
 * create databases named {@code chat_%}.
 */
public final class ThrowawayDatabase {

    private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/]+/)([^?]*)(.*)");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+).*");
    private static GenericContainer<?> container;

    private final String url;
    private final String user;
    private final String password;
    private final String name;
    private final String serverVersion;

    private ThrowawayDatabase(String serverUrl, String user, String password) {
        this.user = user;
        this.password = password;
        this.name = "chat_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Matcher parts = URL.matcher(serverUrl);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// URL: " + serverUrl);
        }
        this.url = parts.group(1) + name + parts.group(3);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try (var version = statement.executeQuery("SELECT VERSION()")) {
                version.next();
                this.serverVersion = version.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + serverUrl, e);
        }
    }

    public static synchronized ThrowawayDatabase create() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            if (container == null) {
                container = new GenericContainer<>("mysql:8.4")
                        .withEnv("MYSQL_ROOT_PASSWORD", "chat")
                        .withEnv("MYSQL_DATABASE", "chat_test")
                        .withExposedPorts(3306)
                        .waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1));
                container.start();
            }
            return new ThrowawayDatabase("jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306)
                    + "/chat_test", "root", "chat");
        }
        return new ThrowawayDatabase(env("CHAT_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/chat_test"),
                env("CHAT_DB_USER", "chat"), env("CHAT_DB_PASSWORD", "chat"));
    }

    /** The Spring properties of application.yml that matter to the adapter, pointed at this database. */
    public void register(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", () -> user);
        properties.add("spring.datasource.password", () -> password);
        properties.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
        properties.add("spring.datasource.hikari.transaction-isolation", () -> "TRANSACTION_READ_COMMITTED");
        properties.add("spring.datasource.hikari.data-source-properties.connectionTimeZone", () -> "UTC");
        properties.add("spring.datasource.hikari.data-source-properties.forceConnectionTimeZoneToSession", () -> "true");
        properties.add("spring.datasource.hikari.data-source-properties.rewriteBatchedStatements", () -> "true");
        properties.add("spring.datasource.hikari.data-source-properties.useServerPrepStmts", () -> "false");
        properties.add("spring.jpa.hibernate.ddl-auto", () -> "none");
        properties.add("spring.jpa.properties.hibernate.jdbc.time_zone", () -> "UTC");
        boolean mariaDb = serverVersion.contains("MariaDB");
        properties.add("spring.jpa.properties.hibernate.dialect", () -> mariaDb
                ? "org.hibernate.dialect.MariaDBDialect" : "org.hibernate.dialect.MySQLDialect");
        Matcher version = VERSION.matcher(serverVersion);
        if (version.matches()) {
            properties.add("spring.jpa.properties.jakarta.persistence.database-major-version", () -> version.group(1));
            properties.add("spring.jpa.properties.jakarta.persistence.database-minor-version", () -> version.group(2));
        }
    }

    public void drop() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name, e);
        }
    }

    /** Gives each {@link PersistenceIT} context a database of its own, dropped when the context closes. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ThrowawayDatabase database = create();
            Map<String, Object> properties = new LinkedHashMap<>();
            database.register((name, value) -> properties.put(name, value.get()));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(database.name, properties));
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> database.drop());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
