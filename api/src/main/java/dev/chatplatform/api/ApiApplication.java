package dev.chatplatform.api;

import dev.chatplatform.adapters.persistence.PersistenceConfiguration;
import dev.chatplatform.adapters.rest.RestConfiguration;
import dev.chatplatform.adapters.search.SearchConfiguration;
import dev.chatplatform.infra.rabbitmq.RabbitMqConfiguration;
import dev.chatplatform.infra.redis.RedisConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The API process: HTTP in (adapters-rest), numbers and pending copies in Redis, commands to RabbitMQ,
 * reads from MySQL and Elasticsearch. Each adapter comes in through its own configuration; the use cases
 * are wired in {@link ApiConfiguration}, the real-time events in {@link EventsConfiguration}.
 */
@SpringBootApplication
@Import({RestConfiguration.class, PersistenceConfiguration.class, SearchConfiguration.class,
        RedisConfiguration.class, RabbitMqConfiguration.class})
public class ApiApplication {

    /** The JDK's property for how many platform threads carry the virtual ones (default: one per core). */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    public static void main(String[] args) {
        useCarriers(System.getProperties(), Runtime.getRuntime().availableProcessors());
        SpringApplication.run(ApiApplication.class, args);
    }

    /**
     * Two carrier threads per core unless {@code -Djdk.virtualThreadScheduler.parallelism} says otherwise; set
     * before the first virtual thread exists, which is when the JDK reads it. With one per core, every request of
     * the API waits while the kernel gives one of its two carriers' cores to MariaDB, Elasticsearch or the load
     * generator: the inbox's first page answered at p99 24-37 ms; with two per core 12-17 ms, at the same
     * throughput and the same POST figures (docs/performance.md, issue 12, third session).
     */
    static void useCarriers(java.util.Properties properties, int cores) {
        if (properties.getProperty(CARRIERS) == null) {
            properties.setProperty(CARRIERS, Integer.toString(2 * cores));
        }
    }
}
