package dev.chatplatform.infra.redis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@code redis} health component, part of the readiness group. A Redis that does not answer is
 * {@link #DEGRADED}, not DOWN: reads fall back to MySQL and stay correct, and creates answer 503 with
 * Retry-After by themselves. Every API instance shares the one Redis, so failing readiness would take
 * all of them out of the load balancer at once and turn a partial outage (no writes) into a full one
 * (no reads either). DEGRADED therefore maps to HTTP 200 and ranks between OUT_OF_SERVICE and UP
 * (application.yml): readiness shows the degradation without refusing traffic. Liveness never
 * includes Redis: restarting a process cannot bring Redis back.
 * <p>
 * A probe must answer promptly even when Redis is paused (connections accepted, nothing answered):
 * the PING runs on its own thread and the check reports DEGRADED after {@code timeout}. A PING still
 * hanging is awaited by the next checks instead of starting another, so probes cannot pile up threads
 * or pool connections while Redis hangs.
 */
@Component
public class RedisHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED",
            "Redis is unreachable: reads answer from MySQL, creates answer 503 until it is back");

    private final Supplier<String> ping;
    private final Duration timeout;
    private final ExecutorService pinger = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<CompletableFuture<String>> inFlight = new AtomicReference<>();

    @Autowired
    public RedisHealthIndicator(UnifiedJedis redis, @Value("${chat.redis.health-timeout:PT0.5S}") Duration timeout) {
        this(redis::ping, timeout);
    }

    RedisHealthIndicator(Supplier<String> ping, Duration timeout) {
        this.ping = ping;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<String> check = inFlight.updateAndGet(
                running -> running == null || running.isDone() ? CompletableFuture.supplyAsync(ping, pinger) : running);
        try {
            String answer = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return "PONG".equals(answer) ? Health.up().build() : degraded("unexpected answer to PING: " + answer);
        } catch (TimeoutException e) {
            return degraded("no answer to PING within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return degraded(e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return degraded("interrupted while waiting for PING");
        }
    }

    private static Health degraded(String error) {
        return Health.status(DEGRADED).withDetail("error", error).build();
    }
}
