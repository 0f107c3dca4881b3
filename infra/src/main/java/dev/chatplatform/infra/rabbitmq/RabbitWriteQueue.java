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
import java.util.concurrent.CompletableFuture;

/**
 * Hands each command to the {@link GroupCommitPublisher}, which sends what concurrent requests wrote as one
 * persistent message and completes them on the broker's confirm: only a confirmed command is acknowledged to
 * the client. A nack, a return (unroutable) or no confirm in time is a 503. Commands enter the broker in the
 * order they are sent here (one publishing thread), so a chat's commands sent under its lock stay in order.
 */
@Component
public class RabbitWriteQueue implements WriteQueue, DisposableBean {

    private final GroupCommitPublisher publisher;
    private final WriteCodec codec;
    private final CommandTracing tracing;

    @Autowired
    public RabbitWriteQueue(RabbitTemplate rabbit, WriteCodec codec,
                            @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout,
                            @Value("${chat.queue.group.max-in-flight:2}") int maxInFlight,
                            @Value("${chat.queue.group.max-commands:256}") int maxCommands,
                            @Value("${chat.queue.group.max-bytes:524288}") int maxBytes,
                            @Value("${chat.queue.group.max-waiting:8192}") int maxWaiting,
                            CommandTracing tracing, MeterRegistry meters) {
        this.publisher = new GroupCommitPublisher(rabbit, WriteTopology.EXCHANGE, codec, confirmTimeout, maxInFlight,
                maxCommands, maxBytes, maxWaiting, meters);
        this.codec = codec;
        this.tracing = tracing;
    }

    /** Without tracing or meters: for tests. */
    public RabbitWriteQueue(RabbitTemplate rabbit, WriteCodec codec, Duration confirmTimeout, int maxInFlight,
                            int maxCommands, int maxBytes, int maxWaiting) {
        this(rabbit, codec, confirmTimeout, maxInFlight, maxCommands, maxBytes, maxWaiting, CommandTracing.off(),
                new SimpleMeterRegistry());
    }

    @Override
    public void publish(Chat chat) {
        send(WriteTopology.CHAT_KEY, codec.encode(chat));
    }

    @Override
    public Confirmation send(Message message) {
        CompletableFuture<Void> confirmed = handOver(WriteTopology.MESSAGE_KEY, codec.encode(message));
        return () -> publisher.await(confirmed);
    }

    @Override
    public void publish(User user) {
        send(WriteTopology.USER_KEY, codec.encode(user));
    }

    @Override
    public void publish(ReactionAdded reaction) {
        send(WriteTopology.REACTION_KEY, codec.encode(reaction));
    }

    @Override
    public void publish(Receipt receipt) {
        send(WriteTopology.RECEIPT_KEY, codec.encode(receipt));
    }

    private void send(String routingKey, byte[] command) {
        publisher.await(handOver(routingKey, command));
    }

    /** Hands the command to the publisher; a sampled request's command carries its publish span's context. */
    private CompletableFuture<Void> handOver(String routingKey, byte[] command) {
        Span span = tracing.startPublish(routingKey);
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
        publisher.close();
    }
}
