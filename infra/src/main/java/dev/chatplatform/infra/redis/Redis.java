package dev.chatplatform.infra.redis;

import dev.chatplatform.application.DependencyUnavailableException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.util.function.Supplier;

/** Turns "Redis is away" into the application's {@link DependencyUnavailableException}. */
final class Redis {

    private Redis() {
    }

    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            throw e; // Redis answered: a bug (a script error), not an outage
        } catch (JedisException e) {
            // Connection refused or reset, timeouts, and an exhausted pool alike: Redis cannot serve us now.
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
