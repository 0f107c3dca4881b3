package dev.chatplatform.infra.config;

import dev.chatplatform.worker.messaging.EventCodec;
import dev.chatplatform.worker.messaging.EventTopology;
import dev.chatplatform.worker.messaging.WriteCodec;
import dev.chatplatform.worker.messaging.WriteTopology;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the write path's topology (names in {@link WriteTopology}); both processes declare it, idempotently. */
@Configuration(proxyBeanMethods = false)
public class RabbitTopologyConfiguration {

    @Bean
    WriteCodec writeCodec() {
        return new WriteCodec();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The event exchange; each API instance binds a queue of its own to it (EventListenerConfiguration). */
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
        return new Declarables(writes, deadLetters, persist, index, dead,
                BindingBuilder.bind(persist).to(writes).with("#"),
                BindingBuilder.bind(index).to(writes).with(WriteTopology.MESSAGE_KEY),
                BindingBuilder.bind(dead).to(deadLetters));
    }
}
