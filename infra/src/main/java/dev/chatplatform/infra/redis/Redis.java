package dev.chatplatform.infra.redis;

import dev.chatplatform.application.DependencyUnavailableException;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.util.function.Supplier;

/** Turns "Redis is away" into the application's {@link DependencyUnavailableException}. */
final class Redis {

    private Redis() {
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            throw new DependencyUnavailableException("redis", e);
        }
    }

    static void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }
}
