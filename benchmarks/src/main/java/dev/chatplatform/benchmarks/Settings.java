package dev.chatplatform.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark run reads: the data set's two files (.run/dataset.env and .run/dataset-queries.tsv,
 * written by scripts/dataset.sh), system properties {@code bench.*} set by scripts/benchmark.sh, and the
 * services' addresses from the same environment variables the platform reads.
 */
public final class Settings {

    private static Map<String, String> dataset;
    private static Map<String, List<String>> queries;

    private Settings() {
    }

    public static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static int intProp(String name, int fallback) {
        return Integer.parseInt(prop(name, Integer.toString(fallback)));
    }

    public static double doubleProp(String name, double fallback) {
        return Double.parseDouble(prop(name, Double.toString(fallback)));
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static synchronized Map<String, String> dataset() {
        if (dataset == null) {
            dataset = readEnvFile(Path.of(prop("bench.dataset", ".run/dataset.env")));
        }
        return dataset;
    }

    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("export ")) {
                    trimmed = trimmed.substring("export ".length());
                }
                int eq = trimmed.indexOf('=');
                if (eq > 0) {
                    String value = trimmed.substring(eq + 1);
                    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.put(trimmed.substring(0, eq), value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set description " + file, e);
        }
        return values;
    }

    public static String datasetValue(String key) {
        String value = dataset().get(key);
        if (value == null) {
            throw new IllegalStateException(key + " is missing from " + prop("bench.dataset", ".run/dataset.env"));
        }
        return value;
    }

    public static String api() {
        return prop("bench.api", env("CHAT_BENCH_API", datasetValue("CHAT_DATASET_API"))).replaceAll("/+$", "");
    }

    public static String token() {
        return datasetValue("CHAT_DATASET_TOKEN");
    }

    public static long appId() {
        return Long.parseLong(datasetValue("CHAT_DATASET_APP_ID"));
    }

    public static long chats() {
        return Long.parseLong(datasetValue("CHAT_DATASET_CHATS"));
    }

    public static long biggestChat() {
        return Long.parseLong(datasetValue("CHAT_DATASET_BIGGEST_CHAT"));
    }

    /** The query values of one kind (name, phone, content, chat_word) from the data set's queries file. */
    public static synchronized List<String> queries(String kind) {
        if (queries == null) {
            queries = readQueries(Path.of(prop("bench.queries", ".run/dataset-queries.tsv")));
        }
        List<String> values = queries.getOrDefault(kind, List.of());
        if (values.isEmpty()) {
            throw new IllegalStateException("no '" + kind + "' queries in the data set's queries file");
        }
        return values;
    }

    static Map<String, List<String>> readQueries(Path file) {
        Map<String, List<String>> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && tab < line.length() - 1) {
                    values.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set's queries " + file, e);
        }
        return values;
    }

    public static Connection mysql() throws SQLException {
        return DriverManager.getConnection(env("CHAT_DB_URL", "jdbc:mysql://127.0.0.1:3306/chat")
                        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                env("CHAT_DB_USER", "chat"), env("CHAT_DB_PASSWORD", "chat"));
    }

    /** A pool of {@code size} connections to the same database, for probes that go through an adapter's JDBC code. */
    public static HikariDataSource mysqlPool(int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(env("CHAT_DB_URL", "jdbc:mysql://127.0.0.1:3306/chat")
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
        pool.setUsername(env("CHAT_DB_USER", "chat"));
        pool.setPassword(env("CHAT_DB_PASSWORD", "chat"));
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(size);
        return pool;
    }

    public static String esUrl() {
        return env("CHAT_ES_URL", "http://127.0.0.1:9200").replaceAll("/+$", "");
    }

    public static String esIndex() {
        return env("CHAT_ES_INDEX", "messages");
    }

    /** The chat index beside the messages index, named as the API names it (chat/search.yml). */
    public static String esChatsIndex() {
        return env("CHAT_ES_CHATS_INDEX", esIndex() + "-chats");
    }
}
