package dev.chatplatform.infra.redis;

import dev.chatplatform.application.contract.SequenceCounterContract;
import dev.chatplatform.application.port.out.SequenceCounter;
import dev.chatplatform.application.port.out.SequenceKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void advanceCreatesACounterThatContinuesAfterTheLoadedNumbers() {
        RedisSequenceCounter counter = new RedisSequenceCounter(redis);
        SequenceKey key = SequenceKey.chatsOf(newApp());

        counter.advance(key, 5_000, 6_000);

        assertThat(counter.handedOut(key)).isEqualTo(5_000);
        assertThat(counter.next(key)).isEqualTo(new SequenceCounter.Allocation.Allocated(5_001));
    }

    @Test
    void advanceNeverMovesACounterBack() {
        RedisSequenceCounter counter = new RedisSequenceCounter(redis);
        SequenceKey key = SequenceKey.chatsOf(newApp());
        counter.open(key, 1_000);
        counter.advance(key, 10, 1_010);

        counter.advance(key, 3, 500);

        assertThat(counter.handedOut(key)).isEqualTo(10);
        assertThat(counter.next(key)).isEqualTo(new SequenceCounter.Allocation.Allocated(11));
        counter.advance(key, 1_010, 1_010);
        assertThat(counter.next(key)).isEqualTo(new SequenceCounter.Allocation.Exhausted(1_010));
    }

    @Test
    void handedOutOfAMissingCounterIsMinusOne() {
        assertThat(new RedisSequenceCounter(redis).handedOut(SequenceKey.chatsOf(newApp()))).isEqualTo(-1);
    }

    @Override
    protected SequenceCounter counter() {
        return new RedisSequenceCounter(redis);
    }
}
