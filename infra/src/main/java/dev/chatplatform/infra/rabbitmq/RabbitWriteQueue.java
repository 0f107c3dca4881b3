package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Publishes a persistent command and waits for the broker's confirm: only a confirmed command is
 * acknowledged to the client. A nack, a return (unroutable) or no confirm in time is a 503.
 */
@Component
public class RabbitWriteQueue implements WriteQueue {

    private final ConfirmedPublisher publisher;
    private final WriteCodec codec;

    public RabbitWriteQueue(RabbitTemplate rabbit, WriteCodec codec,
                            @Value("${chat.queue.confirm-timeout:PT5S}") Duration confirmTimeout) {
        this.publisher = new ConfirmedPublisher(rabbit, confirmTimeout);
        this.codec = codec;
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
        return publisher.send(WriteTopology.EXCHANGE, routingKey, body);
    }

    private void awaitConfirm(CorrelationData correlation) {
        publisher.awaitConfirm(correlation);
    }
}
