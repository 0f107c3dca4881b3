package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.wire.WriteTopology;

import dev.chatplatform.infra.wire.WriteCodec;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a persistent command and waits for the broker's confirm: only a confirmed command is
 * acknowledged to the client. A nack, a return (unroutable) or no confirm in time is a 503.
 */
@Component
public class RabbitWriteQueue implements WriteQueue {

    private final RabbitTemplate rabbit;
    private final WriteCodec codec;
    private final Duration confirmTimeout;

    public RabbitWriteQueue(RabbitTemplate rabbit, WriteCodec codec,
                            @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void publish(Chat chat) {
        send(WriteTopology.CHAT_KEY, codec.encode(chat));
    }

    @Override
    public Confirmation send(Message message) {
        CorrelationData correlation = sendUnconfirmed(WriteTopology.MESSAGE_KEY, codec.encode(message));
        return () -> awaitConfirm(correlation);
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

    private void send(String routingKey, byte[] body) {
        awaitConfirm(sendUnconfirmed(routingKey, body));
    }

    private CorrelationData sendUnconfirmed(String routingKey, byte[] body) {
        org.springframework.amqp.core.Message amqpMessage = MessageBuilder.withBody(body)
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        CorrelationData correlation = new CorrelationData();
        try {
            rabbit.send(WriteTopology.EXCHANGE, routingKey, amqpMessage, correlation);
        } catch (AmqpException e) {
            throw unavailable(e);
        }
        return correlation;
    }

    private void awaitConfirm(CorrelationData correlation) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                throw unavailable(new IllegalStateException("broker nacked the command: " + confirm.reason()));
            }
            if (correlation.getReturned() != null) {
                throw unavailable(new IllegalStateException("command was unroutable: " + correlation.getReturned().getReplyText()));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private static DependencyUnavailableException unavailable(Exception cause) {
        return new DependencyUnavailableException("rabbitmq", cause);
    }
}
