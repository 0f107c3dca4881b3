package dev.chatplatform.infra.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code chat.dependency.up{dependency}}: 1 while a dependency's health indicator says UP, else 0, for the
 * dependencies the process has (mysql, redis, rabbitmq, elasticsearch). The indicators are asked on a timer
 * of their own, never on a scrape: a hung dependency must not hang Prometheus' scrape of every other meter.
 */
public final class DependencyMeters implements DisposableBean {

    /** Health contributor name -> the dependency's name in the meter. */
    static final Map<String, String> DEPENDENCIES =
            Map.of("db", "mysql", "redis", "redis", "rabbit", "rabbitmq", "elasticsearch", "elasticsearch");

    private final HealthContributorRegistry health;
    private final Map<String, Double> up = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-dependency-health").daemon().factory());

    public DependencyMeters(HealthContributorRegistry health, MeterRegistry meters, Duration interval) {
        this.health = health;
        DEPENDENCIES.forEach((contributor, dependency) -> {
            if (health.getContributor(contributor) instanceof HealthIndicator) {
                up.put(contributor, Double.NaN);
                Gauge.builder("chat.dependency.up", up, values -> values.getOrDefault(contributor, Double.NaN))
                        .tag("dependency", dependency)
                        .description("1 while the dependency's health check passes, 0 when it fails")
                        .register(meters);
            }
        });
        timer.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void check() {
        for (String contributor : up.keySet()) {
            double value;
            try {
                HealthIndicator indicator = (HealthIndicator) health.getContributor(contributor);
                value = Status.UP.equals(indicator.health(false).getStatus()) ? 1 : 0;
            } catch (RuntimeException e) {
                value = 0;
            }
            up.put(contributor, value);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
