package dev.chatplatform.infra.redis;

import dev.chatplatform.application.DependencyUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

import java.net.ConnectException;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisTest {

    @AfterEach
    void forget() {
        Redis.forgetFailure();
    }

    @Test
    void aRefusedConnectionMakesTheNextCommandsFailFast() {
        assertThatThrownBy(() -> Redis.call(() -> {
            throw new JedisConnectionException("refused", new ConnectException("Connection refused"));
        })).isInstanceOf(DependencyUnavailableException.class);

        assertThatThrownBy(() -> Redis.call(() -> "never asked")).isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("redis");
    }

    @Test
    void anExhaustedPoolFailsOnlyItsOwnCommand() {
        JedisException exhausted = new JedisException("Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object, borrowMaxWaitDuration=PT2S"));

        assertThatThrownBy(() -> Redis.call(() -> {
            throw exhausted;
        })).isInstanceOf(DependencyUnavailableException.class);

        assertThat(Redis.call(() -> "answered")).isEqualTo("answered");
    }

    @Test
    void onlyCommonsPoolsTimeoutCountsAsExhaustion() {
        assertThat(Redis.poolExhausted(new JedisException("x", new NoSuchElementException("Pool exhausted")))).isTrue();
        assertThat(Redis.poolExhausted(new JedisConnectionException("reset"))).isFalse();
        assertThat(Redis.poolExhausted(new JedisException("x", new NoSuchElementException("Unable to validate object"))))
                .isFalse();
    }
}
