package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.observability.CommandTracing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands each command to the {@link GroupCommitPublisher} of its persist partition ({@link WriteTopology#partition}),
 * which sends what concurrent requests wrote as one persistent message and completes them on the broker's
 * confirm: only a confirmed command is acknowledged to the client. A nack, a return (unroutable) or no confirm
 * in time is a 503. A partition's commands enter the broker in the order they are sent here (one publishing
 * thread and channel per partition), so a chat's commands sent under its lock stay in order.
 */
@Component
public class RabbitWriteQueue implements WriteQueue, DisposableBean {

    private final List<GroupCommitPublisher> publishers;
    private final WriteCodec codec;
    private final CommandTracing tracing;

    @Autowired
    public RabbitWriteQueue(RabbitTemplate rabbit, WriteCodec codec,
                            @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout,
                            @Value("${chat.queue.group.max-in-flight:2}") int maxInFlight,
                            @Value("${chat.queue.group.max-commands:256}") int maxCommands,
                            @Value("${chat.queue.group.max-bytes:524288}") int maxBytes,
                            @Value("${chat.queue.group.max-waiting:8192}") int maxWaiting,
                            @Value("${chat.writes.partitions:" + WriteTopology.DEFAULT_PARTITIONS + "}") int partitions,
                            CommandTracing tracing, MeterRegistry meters) {
        if (partitions < 1) {
            throw new IllegalArgumentException("chat.writes.partitions must be at least 1, was " + partitions);
        }
        List<GroupCommitPublisher> publishers = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            publishers.add(new GroupCommitPublisher(rabbit, WriteTopology.EXCHANGE, codec, confirmTimeout, maxInFlight,
                    maxCommands, maxBytes, maxWaiting, meters));
        }
        this.publishers = List.copyOf(publishers);
        this.codec = codec;
        this.tracing = tracing;
    }

    /** Without tracing or meters: for tests. */
    public RabbitWriteQueue(RabbitTemplate rabbit, WriteCodec codec, Duration confirmTimeout, int maxInFlight,
                            int maxCommands, int maxBytes, int maxWaiting, int partitions) {
        this(rabbit, codec, confirmTimeout, maxInFlight, maxCommands, maxBytes, maxWaiting, partitions,
                CommandTracing.off(), new SimpleMeterRegistry());
    }

    @Override
    public void publish(Chat chat) {
        send(WriteTopology.CHAT_KEY, new WriteCodec.ChatWrite(chat));
    }

    @Override
    public Confirmation send(Message message) {
        WriteCodec.Write write = new WriteCodec.MessageWrite(message);
        int partition = partition(write);
        CompletableFuture<Void> confirmed = handOver(WriteTopology.MESSAGE_KEY, partition, codec.encode(write));
        return () -> publishers.get(partition).await(confirmed);
    }

    @Override
    public void publish(User user) {
        send(WriteTopology.USER_KEY, new WriteCodec.UserWrite(user));
    }

    @Override
    public void publish(ReactionAdded reaction) {
        send(WriteTopology.REACTION_KEY, new WriteCodec.ReactionWrite(reaction));
    }

    @Override
    public void publish(Receipt receipt) {
        send(WriteTopology.RECEIPT_KEY, new WriteCodec.ReceiptWrite(receipt));
    }

    /** The command's partition, as the worker splits a batch: {@link WriteTopology#partition(WriteCodec.Write, int)}. */
    private int partition(WriteCodec.Write write) {
        return WriteTopology.partition(write, publishers.size());
    }

    private void send(String kind, WriteCodec.Write write) {
        int partition = partition(write);
        publishers.get(partition).await(handOver(kind, partition, codec.encode(write)));
    }

    /** Hands the command to its partition's publisher; a sampled request's command carries its publish span's context. */
    private CompletableFuture<Void> handOver(String kind, int partition, byte[] command) {
        GroupCommitPublisher publisher = publishers.get(partition);
        String routingKey = WriteTopology.routingKey(kind, partition);
        Span span = tracing.startPublish(kind);
        if (span == null) {
            return publisher.send(routingKey, command);
        }
        CompletableFuture<Void> confirmed = publisher.send(routingKey, codec.traced(command, CommandTracing.traceparent(span)));
        confirmed.whenComplete((ok, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
        return confirmed;
    }

    @Override
    public void destroy() {
        publishers.forEach(GroupCommitPublisher::close);
    }
}
