package dev.chatplatform.infra.redis;

import dev.chatplatform.application.contract.SequenceCounterContract;
import dev.chatplatform.application.port.out.SequenceCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.UnifiedJedis;

class RedisSequenceCounterIT extends SequenceCounterContract {

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
    void deleteCounters() {
        RedisTestServer.deleteKeys(redis, appsUsed().stream().map(app -> "seq:" + app.value() + ":*").toList());
    }

    @Override
    protected SequenceCounter counter() {
        return new RedisSequenceCounter(redis);
    }
}
