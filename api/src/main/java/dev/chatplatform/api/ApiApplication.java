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

    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
