package dev.chatplatform.infra.redis;

import dev.chatplatform.application.contract.NumberCounterContract;
import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import static dev.chatplatform.application.contract.NumberCounterContract.unstamped;
import static org.assertj.core.api.Assertions.assertThat;

class RedisNumberCounterIT extends NumberCounterContract {

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
        RedisNumberCounter counter = new RedisNumberCounter(redis, RedisTestPipelines.of(redis));
        NumberSequence key = NumberSequence.chatsOf(newApp());

        counter.advance(key, 5_000, 6_000);

        assertThat(counter.handedOut(key)).isEqualTo(5_000);
        assertThat(unstamped(counter.next(key))).isEqualTo(new Allocation.Allocated(5_001, 0));
    }

    @Test
    void advanceNeverMovesACounterBack() {
        RedisNumberCounter counter = new RedisNumberCounter(redis, RedisTestPipelines.of(redis));
        NumberSequence key = NumberSequence.chatsOf(newApp());
        counter.open(key, 1_000);
        counter.advance(key, 10, 1_010);

        counter.advance(key, 3, 500);

        assertThat(counter.handedOut(key)).isEqualTo(10);
        assertThat(unstamped(counter.next(key))).isEqualTo(new Allocation.Allocated(11, 0));
        counter.advance(key, 1_010, 1_010);
        assertThat(counter.next(key)).isEqualTo(new NumberCounter.Allocation.Exhausted(1_010));
    }

    @Test
    void aRedisThatForgotTheScriptsStillNumbers() {
        RedisNumberCounter counter = new RedisNumberCounter(redis, RedisTestPipelines.of(redis));
        NumberSequence key = NumberSequence.chatsOf(newApp());
        counter.open(key, 1_000);
        assertThat(unstamped(counter.next(key))).isEqualTo(new Allocation.Allocated(1, 0));

        redis.scriptFlush(); // as after a restart: EVALSHA answers NOSCRIPT

        assertThat(unstamped(counter.next(key))).isEqualTo(new Allocation.Allocated(2, 0));
        assertThat(unstamped(counter.next(key))).isEqualTo(new Allocation.Allocated(3, 0));
    }

    /** The stamp never goes back, even when Redis's clock does: here the last stamp is an hour ahead of it. */
    @Test
    void aStampIsNeverEarlierThanTheLastOneWhateverTheClockSays() {
        RedisNumberCounter counter = new RedisNumberCounter(redis, RedisTestPipelines.of(redis));
        NumberSequence key = NumberSequence.chatsOf(newApp());
        counter.open(key, 1_000);
        long first = ((Allocation.Allocated) counter.next(key)).stamp();
        long ahead = first + 3_600_000;
        redis.hset(RedisNumberCounter.redisKey(key), "t", Long.toString(ahead));

        assertThat(counter.next(key)).isEqualTo(new Allocation.Allocated(2, ahead));
        assertThat(counter.next(key)).isEqualTo(new Allocation.Allocated(3, ahead));
    }

    @Test
    void handedOutOfAMissingCounterIsMinusOne() {
        assertThat(new RedisNumberCounter(redis, RedisTestPipelines.of(redis)).handedOut(NumberSequence.chatsOf(newApp()))).isEqualTo(-1);
    }

    @Override
    protected NumberCounter counter() {
        return new RedisNumberCounter(redis, RedisTestPipelines.of(redis));
    }
}
