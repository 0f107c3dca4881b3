package dev.chatplatform.infra.redis;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health groups as chat/redis.yml (which both processes import) configures them: with Redis away, readiness reports DEGRADED
 * with a 200 (reads still work), liveness stays UP, and a component that is DOWN still outranks it.
 */
class ReadinessProbeTest {

    private static final HealthIndicator REDIS_AWAY = new RedisHealthIndicator(() -> {
        throw new JedisConnectionException("Connection refused");
    }, Duration.ofMillis(200));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> redisYml().forEach(context.getEnvironment().getPropertySources()::addLast))
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
                    AvailabilityProbesAutoConfiguration.class));

    @Test
    void withRedisAwayReadinessIsDegradedButServesAndLivenessStaysUp() {
        runner.withBean("redisHealthIndicator", HealthIndicator.class, () -> REDIS_AWAY).run(context -> {
            started(context);
            HealthEndpoint health = context.getBean(HealthEndpoint.class);
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);

            assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);
            assertThat(groups.get("readiness").getHttpCodeStatusMapper().getStatusCode(RedisHealthIndicator.DEGRADED))
                    .isEqualTo(200);
            assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);
            assertThat(groups.getPrimary().getHttpCodeStatusMapper().getStatusCode(RedisHealthIndicator.DEGRADED))
                    .isEqualTo(200);
        });
    }

    @Test
    void withRedisAnsweringReadinessIsUp() {
        runner.withBean("redisHealthIndicator", HealthIndicator.class, () -> new RedisHealthIndicator(() -> "PONG",
                Duration.ofMillis(200))).run(context -> {
            started(context);

            assertThat(context.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aComponentThatIsDownOutranksADegradedRedis() {
        runner.withBean("redisHealthIndicator", HealthIndicator.class, () -> REDIS_AWAY)
                .withBean("dbHealthIndicator", HealthIndicator.class, () -> () -> Health.down().build())
                .run(context -> {
                    started(context);

                    assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.DOWN);
                });
    }

    /** What a running application has published by the time it serves probes. */
    private static void started(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    private static List<PropertySource<?>> redisYml() {
        try {
            return new YamlPropertySourceLoader().load("chat/redis.yml", new ClassPathResource("chat/redis.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
