package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.rabbitmq.RabbitDeadLetters;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries of one queue as commands. A delivery is one command, or an envelope of several
 * ({@link WriteTopology#COMMANDS_HEADER}). Whatever can never be applied is dead-lettered (logged, counted in
 * {@code chat.worker.dead_lettered}): a whole delivery by rejecting it without requeue, one command of an
 * envelope by sending it alone to the dead-letter exchange, so the rest of its envelope goes on.
 */
final class CommandDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDeliveries.class);

    /** The header a quorum queue counts a message's earlier deliveries in. */
    private static final String DELIVERY_COUNT_HEADER = "x-delivery-count";

    private final String queue;
    private final WriteCodec codec;
    private final RabbitDeadLetters deadLetters;
    private final Counter deadLettered;

    CommandDeliveries(String queue, WriteCodec codec, RabbitDeadLetters deadLetters, MeterRegistry meters) {
        this.queue = queue;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.deadLettered = meters.counter("chat.worker.dead_lettered", "queue", queue);
    }

    /**
     * One delivery's readable commands, in order. {@code envelope}: the delivery carried several commands
     * (so the broker cannot dead-letter one of them); {@code earlierDeliveries}: how often the queue had
     * delivered it before.
     */
    record Delivery(long tag, boolean envelope, long earlierDeliveries, List<WriteCodec.Write> writes) {
    }

    /** The batch's deliveries, in order; unreadable ones (or unreadable commands of envelopes) are dead-lettered. */
    List<Delivery> decode(List<org.springframework.amqp.core.Message> batch, Channel channel) throws IOException {
        List<Delivery> decoded = new ArrayList<>(batch.size());
        for (org.springframework.amqp.core.Message delivery : batch) {
            var properties = delivery.getMessageProperties();
            long tag = properties.getDeliveryTag();
            boolean envelope = properties.getHeader(WriteTopology.COMMANDS_HEADER) != null;
            long earlier = properties.getHeader(DELIVERY_COUNT_HEADER) instanceof Number count ? count.longValue() : 0;
            try {
                List<WriteCodec.Write> writes = envelope ? readable(codec.decodeEnvelope(delivery.getBody()))
                        : List.of(codec.decode(delivery.getBody()));
                decoded.add(new Delivery(tag, envelope, earlier, writes));
            } catch (WriteCodec.PoisonCommandException e) {
                deadLetter(channel, tag, e.getMessage());
            }
        }
        return decoded;
    }

    /** Cuts deliveries, in order, into runs of whole deliveries of at most {@code maxCommands} commands each. */
    static List<List<Delivery>> cut(List<Delivery> deliveries, int maxCommands) {
        List<List<Delivery>> runs = new ArrayList<>();
        List<Delivery> run = new ArrayList<>();
        int commands = 0;
        for (Delivery delivery : deliveries) {
            if (!run.isEmpty() && commands + delivery.writes().size() > maxCommands) {
                runs.add(run);
                run = new ArrayList<>();
                commands = 0;
            }
            run.add(delivery);
            commands += delivery.writes().size();
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private List<WriteCodec.Write> readable(List<WriteCodec.Member> members) {
        List<WriteCodec.Write> writes = new ArrayList<>(members.size());
        for (WriteCodec.Member member : members) {
            switch (member) {
                case WriteCodec.Readable readable -> writes.add(readable.write());
                case WriteCodec.Unreadable poison -> deadLetterAlone(poison.command(), poison.reason());
            }
        }
        return writes;
    }

    /** Rejects a whole delivery without requeue: the queue sends it to the dead-letter exchange. */
    void deadLetter(Channel channel, long tag, String reason) throws IOException {
        LOG.error("dead-lettering delivery {} of {}: {}", tag, queue, reason);
        deadLettered.increment();
        channel.basicReject(tag, false);
    }

    /** Sends one command of an envelope to the dead-letter exchange, confirmed, before its envelope is acknowledged. */
    void deadLetterAlone(byte[] command, String reason) {
        LOG.error("dead-lettering one command of an envelope from {}: {}", queue, reason);
        deadLetters.deadLetter(queue, command, reason);
        deadLettered.increment();
    }
}
