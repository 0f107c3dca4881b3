package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.wire.EventTopology;
import dev.chatplatform.infra.wire.WireConfiguration;
import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import dev.chatplatform.infra.observability.CommandTracing;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The RabbitMQ adapter as a process imports it: the write queue, the event publisher, and the write path's
 * topology (names in {@link WriteTopology}), which both processes declare, idempotently. The broker's
 * address is in {@code chat/rabbitmq.yml}, which a process imports with {@code spring.config.import}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RabbitMqConfiguration.class)
@Import({WireConfiguration.class, CommandTracing.class})
public class RabbitMqConfiguration {

    /** The event exchange; each API instance binds a queue of its own to it (the api's EventsConfiguration). */
    @Bean
    public Declarables eventTopology() {
        return new Declarables(new TopicExchange(EventTopology.EXCHANGE, true, false));
    }

    @Bean
    public Declarables writeTopology() {
        TopicExchange writes = new TopicExchange(WriteTopology.EXCHANGE, true, false);
        FanoutExchange deadLetters = new FanoutExchange(WriteTopology.DEAD_LETTER_EXCHANGE, true, false);
        Queue persist = QueueBuilder.durable(WriteTopology.PERSIST_QUEUE)
                .quorum()
                .deliveryLimit(WriteTopology.PERSIST_DELIVERY_LIMIT)
                .deadLetterExchange(WriteTopology.DEAD_LETTER_EXCHANGE)
                // Batches commit in queue order, whichever worker is up: the others stand by (decision 0009).
                .singleActiveConsumer()
                .build();
        // No delivery limit: while Elasticsearch is down deliveries come back, and must not be dropped for it.
        Queue index = QueueBuilder.durable(WriteTopology.INDEX_QUEUE)
                .quorum()
                .deadLetterExchange(WriteTopology.DEAD_LETTER_EXCHANGE)
                .build();
        Queue dead = QueueBuilder.durable(WriteTopology.DEAD_LETTER_QUEUE).quorum().build();
        // The index queue is bound to nothing: the worker hands it what it persisted (RabbitIndexQueue).
        return new Declarables(writes, deadLetters, persist, index, dead,
                BindingBuilder.bind(persist).to(writes).with("#"),
                BindingBuilder.bind(dead).to(deadLetters));
    }

    /**
     * Before issue 11 the index queue was bound to the write exchange for message commands, so the broker
     * stored and confirmed every message twice. A broker keeps a binding an older version declared: this
     * drops it whenever a connection opens (before anything is published on it).
     */
    @Bean
    SmartInitializingSingleton dropLegacyIndexBinding(ConnectionFactory connectionFactory) {
        return () -> connectionFactory.addConnectionListener(LegacyIndexBinding::drop);
    }
}
