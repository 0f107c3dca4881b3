package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.wire.EventTopology;
import dev.chatplatform.infra.wire.WireConfiguration;
import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
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
import org.springframework.beans.factory.annotation.Value;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The write path's exchanges and queues: {@code partitions} persist queues (a chat's commands all go to one,
     * {@link WriteTopology#partition}), the unpartitioned persist queue of earlier versions for their one-word
     * keys, the index queue and the dead letters. Every process must run with the same number of partitions
     * (the worker consumes the queues it declares; a queue nobody consumes raises ChatQueueWithoutConsumer).
     */
    @Bean
    public Declarables writeTopology(@Value("${chat.writes.partitions:" + WriteTopology.DEFAULT_PARTITIONS + "}") int partitions) {
        TopicExchange writes = new TopicExchange(WriteTopology.EXCHANGE, true, false);
        FanoutExchange deadLetters = new FanoutExchange(WriteTopology.DEAD_LETTER_EXCHANGE, true, false);
        List<Declarable> declarables = new ArrayList<>(List.of(writes, deadLetters));
        for (int p = 0; p < partitions; p++) {
            Queue persist = persistQueue(WriteTopology.persistQueue(p));
            declarables.add(persist);
            declarables.add(BindingBuilder.bind(persist).to(writes).with(WriteTopology.partitionPattern(p)));
        }
        Queue unpartitioned = persistQueue(WriteTopology.PERSIST_QUEUE);
        declarables.add(unpartitioned);
        for (String key : WriteTopology.UNPARTITIONED_KEYS) {
            declarables.add(BindingBuilder.bind(unpartitioned).to(writes).with(key));
        }
        // No delivery limit: while Elasticsearch is down deliveries come back, and must not be dropped for it.
        Queue index = QueueBuilder.durable(WriteTopology.INDEX_QUEUE)
                .quorum()
                .deadLetterExchange(WriteTopology.DEAD_LETTER_EXCHANGE)
                .build();
        Queue dead = QueueBuilder.durable(WriteTopology.DEAD_LETTER_QUEUE).quorum().build();
        // The index queue is bound to nothing: the worker hands it what it persisted (RabbitIndexQueue).
        declarables.addAll(List.of(index, dead, BindingBuilder.bind(dead).to(deadLetters)));
        return new Declarables(declarables);
    }

    private static Queue persistQueue(String name) {
        return QueueBuilder.durable(name)
                .quorum()
                .deliveryLimit(WriteTopology.PERSIST_DELIVERY_LIMIT)
                .deadLetterExchange(WriteTopology.DEAD_LETTER_EXCHANGE)
                // A partition's batches commit in queue order, whichever worker is up: the others stand by (decision 0009).
                .singleActiveConsumer()
                .build();
    }

    /**
     * A broker keeps the bindings an older version declared: before issue 11 the index queue was bound to the
     * write exchange for message commands (the broker stored and confirmed every message twice), and the
     * unpartitioned persist queue took every key ({@code #}), which would now copy every partition's commands
     * into it. This drops both whenever a connection opens (before anything is published on it).
     */
    @Bean
    SmartInitializingSingleton dropLegacyBindings(ConnectionFactory connectionFactory) {
        return () -> connectionFactory.addConnectionListener(LegacyBindings::drop);
    }
}
