package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.wire.WriteCodec;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries of one queue as commands: decodes a batch, and dead-letters (logged, counted in
 * {@code chat.worker.dead_lettered}, rejected without requeue) whatever can never be applied.
 */
final class CommandDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDeliveries.class);

    private final String queue;
    private final WriteCodec codec;
    private final Counter deadLettered;

    CommandDeliveries(String queue, WriteCodec codec, MeterRegistry meters) {
        this.queue = queue;
        this.codec = codec;
        this.deadLettered = meters.counter("chat.worker.dead_lettered", "queue", queue);
    }

    record Decoded(long tag, WriteCodec.Write write) {
    }

    /** The batch's readable commands, in delivery order; unreadable ones are dead-lettered on the way. */
    List<Decoded> decode(List<org.springframework.amqp.core.Message> deliveries, Channel channel) throws IOException {
        List<Decoded> decoded = new ArrayList<>(deliveries.size());
        for (org.springframework.amqp.core.Message delivery : deliveries) {
            long tag = delivery.getMessageProperties().getDeliveryTag();
            try {
                decoded.add(new Decoded(tag, codec.decode(delivery.getBody())));
            } catch (WriteCodec.PoisonCommandException e) {
                deadLetter(channel, tag, e.getMessage());
            }
        }
        return decoded;
    }

    void deadLetter(Channel channel, long tag, String reason) throws IOException {
        LOG.error("dead-lettering delivery {} of {}: {}", tag, queue, reason);
        deadLettered.increment();
        channel.basicReject(tag, false);
    }
}
