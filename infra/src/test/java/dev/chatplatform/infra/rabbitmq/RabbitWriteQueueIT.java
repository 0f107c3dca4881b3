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
import dev.chatplatform.application.port.out.WriteQueue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
        queue = writeQueue(broker.template(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void cleanUp() {
        queue.destroy();
        broker.close();
    }

    /** The defaults of chat.queue.group.*: two groups in flight, 256 commands or 512 KiB a group. */
    private static RabbitWriteQueue writeQueue(RabbitTemplate template, Duration confirmTimeout) {
        return new RabbitWriteQueue(template, CODEC, confirmTimeout, 2, 256, 512 * 1024, 8192, RabbitTestBroker.PARTITIONS);
    }

    @Test
    void concurrentCommandsShareEnvelopesAndEachSendersOrderIsKept() throws Exception {
        int senders = 16;
        int perSender = 40;
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int chat = s + 1;
                running.add(pool.submit(() -> {
                    List<WriteQueue.Confirmation> sent = new ArrayList<>();
                    for (int n = 1; n <= perSender; n++) {
                        sent.add(queue.send(Message.post(new AppId(9), ChatNumber.of(chat), MessageNumber.of(n),
                                new MessageBody("m" + n), null, Times.T0)));
                    }
                    sent.forEach(WriteQueue.Confirmation::await);
                }));
            }
            for (Future<?> sender : running) {
                sender.get(30, TimeUnit.SECONDS);
            }
        }

        Map<Long, List<Long>> numbersByChat = new HashMap<>();
        Map<Long, Integer> partitionOfChat = new HashMap<>();
        int deliveries = 0;
        int commands = 0;
        for (int partition = 0; partition < RabbitTestBroker.PARTITIONS; partition++) {
            String persistQueue = WriteTopology.persistQueue(partition);
            org.springframework.amqp.core.Message delivered;
            while ((delivered = broker.template().receive(persistQueue, 1_000)) != null) {
                deliveries++;
                Integer count = delivered.getMessageProperties().getHeader(WriteTopology.COMMANDS_HEADER);
                assertThat(delivered.getMessageProperties().getReceivedRoutingKey())
                        .isEqualTo(WriteTopology.routingKey(count == null ? WriteTopology.MESSAGE_KEY : WriteTopology.COMMANDS_KEY, partition));
                List<WriteCodec.Write> writes = count == null ? List.of(CODEC.decode(delivered.getBody()))
                        : CODEC.decodeEnvelope(delivered.getBody()).stream()
                        .map(member -> ((WriteCodec.Readable) member).write()).toList();
                if (count != null) {
                    assertThat(writes).hasSize(count);
                }
                for (WriteCodec.Write write : writes) {
                    Message message = ((WriteCodec.MessageWrite) write).message();
                    long chat = message.chatNumber().value();
                    numbersByChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(message.number().value());
                    assertThat(partitionOfChat.merge(chat, partition, (was, now) -> was))
                            .as("chat %d's commands all in one partition", chat).isEqualTo(partition)
                            .isEqualTo(WriteTopology.partition(9, chat, RabbitTestBroker.PARTITIONS));
                    commands++;
                }
            }
        }

        assertThat(commands).isEqualTo(senders * perSender);
        assertThat(deliveries).as("concurrent commands travel together").isLessThan(commands);
        assertThat(new java.util.HashSet<>(partitionOfChat.values())).as("16 chats spread over the partitions")
                .hasSize(RabbitTestBroker.PARTITIONS);
        List<Long> inOrder = LongStream.rangeClosed(1, perSender).boxed().toList();
        assertThat(numbersByChat).hasSize(senders).allSatisfy((chat, numbers) -> assertThat(numbers).isEqualTo(inOrder));
        assertThat(broker.template().receive(WriteTopology.PERSIST_QUEUE, 200)).as("the unpartitioned queue").isNull();
    }

    @Test
    void anOlderApisUnpartitionedKeyStillReachesTheUnpartitionedQueueOnly() {
        Message message = Messages.aMessage().numbered(7).withBody("from an API before partitions").build();

        broker.template().convertAndSend(WriteTopology.EXCHANGE, WriteTopology.MESSAGE_KEY, CODEC.encode(message));

        org.springframework.amqp.core.Message delivered = broker.template().receive(WriteTopology.PERSIST_QUEUE, 5_000);
        assertThat(delivered).isNotNull();
        assertThat(CODEC.decode(delivered.getBody())).isEqualTo(new WriteCodec.MessageWrite(message));
        for (int partition = 0; partition < RabbitTestBroker.PARTITIONS; partition++) {
            assertThat(broker.template().receive(WriteTopology.persistQueue(partition), 200)).isNull();
        }
    }

    /** A replay's shovel drops what routes nowhere: every key a dead letter can carry reaches a persist queue. */
    @Test
    void everyKeyADeadLetterCanCarryRoutesToAPersistQueue() {
        List<String> keys = List.of(WriteTopology.routingKey(WriteTopology.MESSAGE_KEY, 0),
                WriteTopology.routingKey(WriteTopology.COMMANDS_KEY, 1), WriteTopology.persistQueue(0),
                WriteTopology.persistQueue(1), WriteTopology.PERSIST_QUEUE, WriteTopology.INDEX_QUEUE,
                WriteTopology.DEAD_LETTER_QUEUE, WriteTopology.MESSAGE_KEY, WriteTopology.COMMANDS_KEY);
        for (String key : keys) {
            broker.template().convertAndSend(WriteTopology.EXCHANGE, key, CODEC.encode(Messages.aMessage().build()));
            int copies = 0;
            for (String persistQueue : WriteTopology.persistQueues(RabbitTestBroker.PARTITIONS)) {
                if (broker.template().receive(persistQueue, 300) != null) {
                    copies++;
                }
            }
            assertThat(copies).as("persist queues reached with key %s", key).isEqualTo(1);
        }
    }

    @Test
    void aCommandDeadLetteredAloneIsRoutedBackToItsPartitionByTheQueueNameItCarries() {
        Message message = Messages.aMessage().numbered(8).withBody("replayed").build();
        String from = WriteTopology.persistQueue(RabbitTestBroker.PARTITIONS - 1);

        broker.template().convertAndSend(WriteTopology.EXCHANGE, from, CODEC.encode(message));

        assertThat(broker.template().receive(from, 5_000)).as("back in " + from).isNotNull();
        assertThat(broker.template().receive(WriteTopology.PERSIST_QUEUE, 200)).isNull();
    }

    @Test
    void aConfirmedMessageIsInThePersistQueueOnlyInTheWorkersFormat() {
        Message message = Messages.aMessage().numbered(42).withBody("confirmed before the answer").build();

        queue.publish(message);

        assertThat(persisted(chatPartition(message.appId(), message.chatNumber()))).isEqualTo(new WriteCodec.MessageWrite(message));
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

        int userPartition = WriteTopology.partition(app.value(), "alice", RabbitTestBroker.PARTITIONS);
        assertThat(persisted(userPartition)).isEqualTo(new WriteCodec.UserWrite(user));
        int chatPartition = chatPartition(app, ChatNumber.of(1));
        assertThat(List.of(persisted(chatPartition), persisted(chatPartition))).containsExactly(
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

        int partition = chatPartition(app, ChatNumber.of(1));
        assertThat(List.of(persisted(partition), persisted(partition))).containsExactly(new WriteCodec.ChatWrite(chat),
                new WriteCodec.MessageWrite(message));
    }

    private static int chatPartition(AppId app, ChatNumber chat) {
        return WriteTopology.partition(app.value(), chat.value(), RabbitTestBroker.PARTITIONS);
    }

    private static WriteCodec.Write persisted(int partition) {
        String persistQueue = WriteTopology.persistQueue(partition);
        org.springframework.amqp.core.Message delivered = broker.template().receive(persistQueue, 5_000);
        assertThat(delivered).as(persistQueue).isNotNull();
        assertThat(delivered.getMessageProperties().getReceivedRoutingKey()).endsWith("." + partition);
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
            RabbitWriteQueue unreachable = writeQueue(template, Duration.ofSeconds(2));

            assertThatThrownBy(() -> unreachable.publish(Messages.aMessage().build()))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessageContaining("rabbitmq");
        } finally {
            nowhere.destroy();
        }
    }
}
