package dev.chatplatform.worker;

import dev.chatplatform.adapters.persistence.PersistenceConfiguration;
import dev.chatplatform.adapters.search.SearchConfiguration;
import dev.chatplatform.infra.rabbitmq.RabbitMqConfiguration;
import dev.chatplatform.infra.redis.RedisConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The worker process: consumes the write commands (listener/), persists them to MySQL, indexes them in
 * Elasticsearch, publishes the real-time events, and reconciles counts (job/). Serves only Actuator over
 * HTTP. Each adapter comes in through its own configuration; the use cases are wired in
 * {@link WorkerConfiguration}.
 */
@EnableScheduling
@SpringBootApplication
@Import({PersistenceConfiguration.class, SearchConfiguration.class, RedisConfiguration.class,
        RabbitMqConfiguration.class})
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerApplication.class, args);
    }
}
