package dev.chatplatform.infra.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class RedisHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final CountDownLatch redisResumes = new CountDownLatch(1);

    @AfterEach
    void resumeRedis() {
        redisResumes.countDown();
    }

    @Test
    void aRedisThatAnswersPongIsUp() {
        assertThat(new RedisHealthIndicator(() -> "PONG", TIMEOUT).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnreachableRedisIsDegradedNotDown() {
        Health health = new RedisHealthIndicator(() -> {
            throw new JedisConnectionException("Connection refused");
        }, TIMEOUT).health();

        assertThat(health.getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED).isNotEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "JedisConnectionException");
    }

    @Test
    void aPausedRedisIsDegradedWithinTheTimeout() {
        RedisHealthIndicator indicator = new RedisHealthIndicator(hangingPing(new AtomicInteger()), TIMEOUT);

        long started = System.nanoTime();
        Health health = indicator.health();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(health.getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);
        assertThat(health.getDetails().get("error").toString()).contains("200 ms");
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(5));
    }

    @Test
    void probesWhileRedisHangsWaitForTheOnePingInsteadOfStartingMore() {
        AtomicInteger pings = new AtomicInteger();
        RedisHealthIndicator indicator = new RedisHealthIndicator(hangingPing(pings), TIMEOUT);

        for (int probe = 0; probe < 3; probe++) {
            assertThat(indicator.health().getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);
        }

        assertThat(pings).hasValue(1);
    }

    @Test
    void theCheckIsUpAgainOnceRedisAnswers() {
        AtomicInteger pings = new AtomicInteger();
        RedisHealthIndicator indicator = new RedisHealthIndicator(hangingPing(pings), TIMEOUT);
        assertThat(indicator.health().getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);

        redisResumes.countDown();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnexpectedAnswerIsDegraded() {
        assertThat(new RedisHealthIndicator(() -> "LOADING", TIMEOUT).health().getStatus())
                .isEqualTo(RedisHealthIndicator.DEGRADED);
    }

    /** A PING to a paused Redis: the connection is open, the answer comes only once it resumes. */
    private Supplier<String> hangingPing(AtomicInteger pings) {
        return () -> {
            pings.incrementAndGet();
            try {
                redisResumes.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "PONG";
        };
    }
}
