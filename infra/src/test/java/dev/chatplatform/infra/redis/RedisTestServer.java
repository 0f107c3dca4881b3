package dev.chatplatform.infra.redis;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * The Redis the contract tests run against: a container when Docker is available, otherwise the server
 * at CHAT_REDIS_HOST/PORT (scripts/services.sh). There the tests use database CHAT_TEST_REDIS_DATABASE
 * (default 12), keys of random applications only, and delete what they wrote; they never flush.
 */
final class RedisTestServer {

    private static final int DEFAULT_TEST_DATABASE = 12;
    private static GenericContainer<?> container;

    private RedisTestServer() {
    }

    static synchronized UnifiedJedis connect() {
        String host;
        int port;
        int database;
        if (DockerClientFactory.instance().isDockerAvailable()) {
            if (container == null) {
                container = new GenericContainer<>("redis:7").withExposedPorts(6379);
                container.start();
            }
            host = container.getHost();
            port = container.getMappedPort(6379);
            database = 0;
        } else {
            host = env("CHAT_REDIS_HOST", "127.0.0.1");
            port = Integer.parseInt(env("CHAT_REDIS_PORT", "6379"));
            database = Integer.parseInt(env("CHAT_TEST_REDIS_DATABASE", Integer.toString(DEFAULT_TEST_DATABASE)));
        }
        return RedisClient.builder()
                .hostAndPort(host, port)
                .clientConfig(DefaultJedisClientConfig.builder().database(database).timeoutMillis(5_000).build())
                .build();
    }

    /** A client of a port nothing listens on: every command fails as when Redis is down. */
    static UnifiedJedis unreachable() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RedisClient.builder()
                .hostAndPort("127.0.0.1", closedPort)
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(500).build())
                .build();
    }

    /** Deletes every key matching one of the glob patterns. */
    static void deleteKeys(UnifiedJedis redis, List<String> patterns) {
        for (String pattern : patterns) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(1000));
                if (!page.getResult().isEmpty()) {
                    redis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
