package dev.chatplatform.infra.redis;

import dev.chatplatform.application.DependencyUnavailableException;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns "Redis is away" into the application's {@link DependencyUnavailableException}, and remembers it
 * for a moment: after {@link #FAILURES_TO_OPEN} commands in a row fail for want of Redis, commands fail
 * at once for {@link #OPEN_NANOS} instead of each waiting out the timeout. A read that touches Redis four
 * times would otherwise take four timeouts to fall back to MySQL; a write would hold its thread as long.
 * The price: while it is open, reads skip the pending writes, so one command that times out (2 s) costs
 * readers their read-your-writes for a second. Waiting for 3 failures instead made a read during a hang
 * take three timeouts (ReadsWithoutRedisIT). The first command after the pause tries Redis again, so
 * recovery needs no restart.
 */
final class Redis {

    private static final long OPEN_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int FAILURES_TO_OPEN = 1;

    private static final java.util.concurrent.atomic.AtomicInteger FAILURES_IN_A_ROW =
            new java.util.concurrent.atomic.AtomicInteger();

    /** {@link System#nanoTime()} until which commands fail fast; 0 when Redis answered last. */
    private static volatile long openUntil;

    private Redis() {
    }

    /**
     * {@code chat.redis{op=command}}: each command's time as the caller waits for it (a script's wait includes
     * its pipeline's gathering); in the registry Spring Boot adds to Micrometer's global one.
     */
    private static final Timer COMMANDS = Timer.builder("chat.redis").tag("op", "command")
            .description("Redis commands and scripts, as their callers wait for them").register(Metrics.globalRegistry);

    static <T> T call(Supplier<T> command) {
        long started = System.nanoTime();
        try {
            return unmeasured(command);
        } finally {
            COMMANDS.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private static <T> T unmeasured(Supplier<T> command) {
        long until = openUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            throw new DependencyUnavailableException("redis",
                    new IllegalStateException("redis failed less than a second ago; not waiting for it again yet"));
        }
        try {
            T result = command.get();
            FAILURES_IN_A_ROW.set(0);
            if (until != 0) {
                openUntil = 0;
            }
            return result;
        } catch (JedisDataException e) {
            throw e; // Redis answered: a bug (a script error), not an outage
        } catch (JedisException e) {
            // Connection refused or reset, timeouts: Redis cannot serve us now. A pool with no free
            // connection after the wait is this process's overload, not Redis away: this command fails,
            // the ones after it still try (the commands holding the connections fail fast if Redis hangs).
            if (!poolExhausted(e) && FAILURES_IN_A_ROW.incrementAndGet() >= FAILURES_TO_OPEN) {
                openUntil = System.nanoTime() + OPEN_NANOS;
            }
            throw new DependencyUnavailableException("redis", e);
        }
    }

    /** Commons Pool's answer when every connection stayed busy for the whole wait. */
    static boolean poolExhausted(JedisException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchElementException && cause.getMessage() != null
                    && (cause.getMessage().startsWith("Timeout waiting for idle object")
                        || cause.getMessage().startsWith("Pool exhausted"))) {
                return true;
            }
        }
        return false;
    }

    static void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    /**
     * Forgets a recent failure. The pause is process-wide (the API has one Redis), so a test that points
     * a client at a dead port must close it again, or the tests after it would fail fast against a live Redis.
     */
    static void forgetFailure() {
        openUntil = 0;
        FAILURES_IN_A_ROW.set(0);
    }
}
