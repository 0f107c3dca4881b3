package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.mothers.Messages;
import dev.chatplatform.application.mothers.Times;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publisher against the real broker: a confirmed command is in the persist queue, and there only (the
 * worker hands the index queue what it persisted), in the wire format the worker reads; a broker that cannot be reached is a DependencyUnavailableException
 * (503), never a silent loss. Runs in the chat_it vhost (the system tests own chat_test) and deletes its queues after.
 */
class RabbitWriteQueueIT {

    private static RabbitTestBroker broker;
    private static RabbitWriteQueue queue;
    private static final WriteCodec CODEC = new WriteCodec();

    @BeforeAll
    static void broker() {
        broker = new RabbitTestBroker();
        queue = new RabbitWriteQueue(broker.template(), CODEC, Duration.ofSeconds(5));
    }

    @AfterAll
    static void cleanUp() {
        broker.close();
    }

    @Test
    void aConfirmedMessageIsInThePersistQueueOnlyInTheWorkersFormat() {
        Message message = Messages.aMessage().numbered(42).withBody("confirmed before the answer").build();

        queue.publish(message);

        assertThat(persisted()).isEqualTo(new WriteCodec.MessageWrite(message));
        assertThat(broker.template().receive(WriteTopology.INDEX_QUEUE, 500))
                .as("published once: the worker hands the index what it persisted").isNull();
    }

    @Test
    void userReactionAndReceiptCommandsAreInThePersistQueueInTheWorkersFormat() {
        AppId app = new AppId(7);
        User user = User.register(app, new UserId("alice"), new UserName("Alice"), new Phone("+4915112345678"), Times.T0);
        ReactionAdded reaction = new ReactionAdded(UUID.randomUUID().toString(), app, ChatNumber.of(1), MessageNumber.of(2),
                new UserId("alice"), new ReactionType("clap"), new ReactionScore(5), Times.T0);
        Receipt receipt = new Receipt(app, ChatNumber.of(1), new UserId("alice"), 2, 1, Times.T0);

        queue.publish(user);
        queue.publish(reaction);
        queue.publish(receipt);

        assertThat(List.of(persisted(), persisted(), persisted())).containsExactly(new WriteCodec.UserWrite(user),
                new WriteCodec.ReactionWrite(reaction), new WriteCodec.ReceiptWrite(receipt));
        assertThat(broker.template().receive(WriteTopology.INDEX_QUEUE, 500)).isNull();
    }

    @Test
    void aChatWithParticipantsAndAMessageWithSenderArriveWhole() {
        AppId app = new AppId(7);
        Chat chat = Chat.open(app, ChatNumber.of(1), new ChatTitle("Pair"), List.of(new UserId("alice"), new UserId("bob")),
                Times.T0);
        Message message = Message.post(app, ChatNumber.of(1), MessageNumber.of(1), new MessageBody("hi bob"),
                new UserId("alice"), Times.T0);

        queue.publish(chat);
        queue.publish(message);

        assertThat(List.of(persisted(), persisted())).containsExactly(new WriteCodec.ChatWrite(chat),
                new WriteCodec.MessageWrite(message));
    }

    private static WriteCodec.Write persisted() {
        org.springframework.amqp.core.Message delivered = broker.template().receive(WriteTopology.PERSIST_QUEUE, 5_000);
        assertThat(delivered).as(WriteTopology.PERSIST_QUEUE).isNotNull();
        assertThat(delivered.getMessageProperties().getReceivedDeliveryMode().name()).isEqualTo("PERSISTENT");
        return CODEC.decode(delivered.getBody());
    }

    @Test
    void anUnreachableBrokerIsADependencyFailureNotALoss() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", closedPort);
        nowhere.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        nowhere.setConnectionTimeout(1_000);
        try {
            RabbitTemplate template = new RabbitTemplate(nowhere);
            template.setMandatory(true);
            RabbitWriteQueue unreachable = new RabbitWriteQueue(template, CODEC, Duration.ofSeconds(2));

            assertThatThrownBy(() -> unreachable.publish(Messages.aMessage().build()))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessageContaining("rabbitmq");
        } finally {
            nowhere.destroy();
        }
    }
}
