package dev.chatplatform.worker.listener;

import dev.chatplatform.infra.observability.CommandTracing;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.concurrent.TimeUnit;
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
    private final String stage;
    private final DistributionSummary batchCommands;
    private final Timer batchTime;
    private final Timer lag;
    private final CommandTracing tracing;

    /**
     * {@code stage}: what the worker does with this queue's commands ("persist", "index"), the tag and the name of
     * its meters: {@code chat.worker.<stage>} (a batch's time), {@code chat.worker.batch.commands{queue=stage}}
     * and {@code chat.worker.lag{queue=stage}} (from the API's acceptance of a write to the end of its batch).
     */
    CommandDeliveries(String queue, String stage, WriteCodec codec, RabbitDeadLetters deadLetters, MeterRegistry meters,
                      CommandTracing tracing) {
        this.queue = queue;
        this.stage = stage;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.deadLettered = meters.counter("chat.worker.dead_lettered", "queue", queue);
        this.batchCommands = DistributionSummary.builder("chat.worker.batch.commands").tag("queue", stage)
                .description("Commands per batch (one transaction or one bulk request)").register(meters);
        this.batchTime = Timer.builder("chat.worker." + stage)
                .description("Time of one batch: its transaction, or its bulk request").register(meters);
        this.lag = Timer.builder("chat.worker.lag").tag("queue", stage)
                .description("Time from the API's acceptance of a write to the end of its batch here").register(meters);
    }

    /** Work on a run of deliveries that may fail with the channel. */
    interface Work {
        void run() throws IOException;
    }

    /**
     * Does the work of one batch and accounts for it: its time and size, each command's lag, one log line, and a
     * span in the traces of the requests that wrote its commands (the batch's span is in scope while it runs, so
     * what the work publishes carries it on).
     */
    void measure(List<Delivery> run, Work work) throws IOException {
        List<String> traces = new ArrayList<>();
        int commands = 0;
        for (Delivery delivery : run) {
            traces.addAll(delivery.traces());
            commands += delivery.writes().size();
        }
        Span span = tracing.startFor("chat.worker." + stage, traces);
        long started = System.nanoTime();
        try (Tracer.SpanInScope scope = tracing.inScope(span)) {
            work.run();
            account(run, commands, System.nanoTime() - started); // in the span's scope: the line has its trace id
        } catch (IOException | RuntimeException e) {
            if (span != null) {
                span.error(e);
            }
            throw e;
        } finally {
            if (span != null) {
                span.tag("chat.commands", commands).end();
            }
        }
    }

    private void account(List<Delivery> run, int commands, long took) {
        batchTime.record(took, TimeUnit.NANOSECONDS);
        batchCommands.record(commands);
        long now = System.currentTimeMillis();
        long maxLag = 0;
        for (Delivery delivery : run) {
            for (WriteCodec.Write write : delivery.writes()) {
                long waited = Math.max(0, now - write.acceptedAt().toEpochMilli());
                lag.record(waited, TimeUnit.MILLISECONDS);
                maxLag = Math.max(maxLag, waited);
            }
        }
        LOG.info("{} batch: {} commands of {} deliveries in {} ms, oldest accepted {} ms ago", stage, commands,
                run.size(), TimeUnit.NANOSECONDS.toMillis(took), maxLag);
    }

    /**
     * One delivery's readable commands, in order. {@code envelope}: the delivery carried several commands
     * (so the broker cannot dead-letter one of them); {@code earlierDeliveries}: how often the queue had
     * delivered it before.
     */
    record Delivery(long tag, boolean envelope, long earlierDeliveries, List<WriteCodec.Write> writes, List<String> traces) {

        Delivery(long tag, boolean envelope, long earlierDeliveries, List<WriteCodec.Write> writes) {
            this(tag, envelope, earlierDeliveries, writes, List.of());
        }
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
                List<WriteCodec.Readable> readable = envelope ? readable(codec.decodeEnvelope(delivery.getBody()))
                        : List.of(codec.decodeTraced(delivery.getBody()));
                List<WriteCodec.Write> writes = new ArrayList<>(readable.size());
                List<String> traces = new ArrayList<>(0);
                for (WriteCodec.Readable command : readable) {
                    writes.add(command.write());
                    if (command.trace() != null) {
                        traces.add(command.trace());
                    }
                }
                decoded.add(new Delivery(tag, envelope, earlier, writes, traces));
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

    private List<WriteCodec.Readable> readable(List<WriteCodec.Member> members) {
        List<WriteCodec.Readable> writes = new ArrayList<>(members.size());
        for (WriteCodec.Member member : members) {
            switch (member) {
                case WriteCodec.Readable readable -> writes.add(readable);
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
