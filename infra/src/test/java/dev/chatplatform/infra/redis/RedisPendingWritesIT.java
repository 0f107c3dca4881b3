package dev.chatplatform.infra.redis;

import dev.chatplatform.application.contract.PendingWritesContract;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.worker.messaging.WriteCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.UnifiedJedis;

class RedisPendingWritesIT extends PendingWritesContract {

    private static UnifiedJedis redis;

    @BeforeAll
    static void connect() {
        redis = RedisTestServer.connect();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void deletePendingWrites() {
        RedisTestServer.deleteKeys(redis, appsUsed().stream().map(app -> "pending:*:" + app.value() + ":*").toList());
    }

    @Override
    protected PendingWrites pendingWrites() {
        return new RedisPendingWrites(redis, new WriteCodec());
    }
}
