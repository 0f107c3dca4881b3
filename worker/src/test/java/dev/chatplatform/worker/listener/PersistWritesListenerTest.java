package dev.chatplatform.worker.listener;

import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.infra.rabbitmq.RabbitDeadLetters;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;

import com.rabbitmq.client.Channel;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.infra.observability.CommandTracing;
import dev.chatplatform.infra.wire.Writes;

import static dev.chatplatform.infra.wire.Writes.chatWith;
import static dev.chatplatform.infra.wire.Writes.messageFrom;
import static dev.chatplatform.infra.wire.Writes.reaction;
import static dev.chatplatform.infra.wire.Writes.receipt;
import static dev.chatplatform.infra.wire.Writes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class PersistWritesListenerTest {

    private final WriteCodec codec = new WriteCodec();
    private final List<PersistWritesUseCase.Writes> persisted = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RabbitDeadLetters deadLetters = mock(RabbitDeadLetters.class);
    private final PersistWritesListener listener = new PersistWritesListener(persisted::add, codec, deadLetters, meters, 100);
    private final Channel channel = mock(Channel.class);

    @Test
    void aBatchOfEveryKindIsPersistedAsOneWritesAndAcknowledged() throws Exception {
        List<Message> batch = List.of(delivery(1, codec.encode(user("+4915112345678"))),
                delivery(2, codec.encode(chatWith("alice", "bob"))), delivery(3, codec.encode(messageFrom("alice"))),
                delivery(4, codec.encode(reaction(2))), delivery(5, codec.encode(receipt(12, 11))));

        listener.onBatch(batch, channel);

        assertThat(persisted).containsExactly(new PersistWritesUseCase.Writes(List.of(user("+4915112345678")),
                List.of(chatWith("alice", "bob")), List.of(messageFrom("alice")), List.of(reaction(2)),
                List.of(receipt(12, 11))));
        verify(channel).basicAck(5, true); // one ack for the transaction's deliveries
        verifyNoMoreInteractions(channel);
        assertThat(meters.counter("chat.worker.persisted").count()).isEqualTo(5);
    }

    @Test
    void aPoisonCommandIsDeadLetteredAndTheRestOfItsBatchPersisted() throws Exception {
        List<Message> batch = List.of(delivery(1, codec.encode(reaction(3))),
                delivery(2, "{\"kind\":\"reaction\",\"score\":\"lots\"}".getBytes(StandardCharsets.UTF_8)),
                delivery(3, codec.encode(receipt(1, 1))));

        listener.onBatch(batch, channel);

        assertThat(persisted).containsExactly(new PersistWritesUseCase.Writes(List.of(), List.of(), List.of(),
                List.of(reaction(3)), List.of(receipt(1, 1))));
        verify(channel).basicReject(2, false);
        verify(channel).basicAck(3, true); // 1 and 3: the poison was rejected before
        verifyNoMoreInteractions(channel);
    }

    @Test
    void anEnvelopeIsPersistedWithTheRestOfItsBatchAndAcknowledgedOnce() throws Exception {
        List<Message> batch = List.of(delivery(1, codec.encode(user("+4915112345678"))),
                envelope(2, 0, codec.encode(chatWith("alice", "bob")), codec.encode(messageFrom("alice"))));

        listener.onBatch(batch, channel);

        assertThat(persisted).containsExactly(new PersistWritesUseCase.Writes(List.of(user("+4915112345678")),
                List.of(chatWith("alice", "bob")), List.of(messageFrom("alice")), List.of(), List.of()));
        verify(channel).basicAck(2, true);
        verifyNoMoreInteractions(channel);
        assertThat(meters.counter("chat.worker.persisted").count()).isEqualTo(3);
    }

    @Test
    void aPoisonCommandInAnEnvelopeIsDeadLetteredAloneAndTheRestPersisted() throws Exception {
        byte[] poison = "{\"kind\":\"reaction\",\"score\":\"lots\"}".getBytes(StandardCharsets.UTF_8);
        List<Message> batch = List.of(envelope(1, 0, codec.encode(reaction(3)), poison, codec.encode(receipt(1, 1))));

        listener.onBatch(batch, channel);

        assertThat(persisted).containsExactly(new PersistWritesUseCase.Writes(List.of(), List.of(), List.of(),
                List.of(reaction(3)), List.of(receipt(1, 1))));
        verify(deadLetters).deadLetter(eq(WriteTopology.persistQueue(0)), eq(poison), anyString());
        verify(channel).basicAck(1, true);
        verifyNoMoreInteractions(channel);
        assertThat(meters.counter("chat.worker.dead_lettered", "queue", WriteTopology.persistQueue(0)).count()).isEqualTo(1);
    }

    @Test
    void aBatchIsCutIntoTransactionsOfWholeDeliveries() throws Exception {
        List<Message> batch = List.of(envelope(1, 0, codec.encode(reaction(1)), codec.encode(reaction(2)),
                        codec.encode(reaction(3))),
                envelope(2, 0, codec.encode(reaction(4)), codec.encode(reaction(5))), delivery(3, codec.encode(reaction(6))));

        new PersistWritesListener(persisted::add, codec, deadLetters, meters, 4)
                .onBatch(batch, channel); // at most 4 commands a transaction, whole deliveries

        assertThat(persisted).extracting(writes -> writes.reactions().size()).containsExactly(3, 3);
        verify(channel).basicAck(1, true); // each transaction acknowledged after its commit, up to its last delivery
        verify(channel).basicAck(3, true);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void aCommandFailingInAnEnvelopeRequeuesItUntilItsThirdDeliveryThenGoesAlone() throws Exception {
        ReactionAdded failing = reaction(7);
        PersistWritesListener failingListener = new PersistWritesListener(writes -> {
            if (writes.reactions().contains(failing)) {
                throw new IllegalStateException("a constraint this command breaks");
            }
            persisted.add(writes);
        }, codec, deadLetters, meters, 100);

        failingListener.onBatch(List.of(envelope(1, 0, codec.encode(failing), codec.encode(receipt(2, 2)))), channel);
        verify(channel).basicNack(1, false, true);
        verifyNoInteractions(deadLetters);

        failingListener.onBatch(List.of(envelope(2, PersistWritesListener.ENVELOPE_ATTEMPTS - 1, codec.encode(failing),
                codec.encode(receipt(2, 2)))), channel);
        verify(deadLetters).deadLetter(eq(WriteTopology.persistQueue(0)), eq(codec.encode(failing)), anyString());
        verify(channel).basicAck(2, false);
        assertThat(persisted).extracting(PersistWritesUseCase.Writes::receipts)
                .containsExactly(List.of(receipt(2, 2)), List.of(receipt(2, 2)));
    }

    private static Message delivery(long tag, byte[] body) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryTag(tag);
        return new Message(body, properties);
    }

    private Message envelope(long tag, int earlierDeliveries, byte[]... commands) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryTag(tag);
        properties.setHeader(WriteTopology.COMMANDS_HEADER, commands.length);
        if (earlierDeliveries > 0) {
            properties.setHeader("x-delivery-count", (long) earlierDeliveries);
        }
        return new Message(codec.envelope(List.of(commands)), properties);
    }

    @Test
    void aBacklogsBatchIsSplitByChatOverThreadsEachChatInOrderAndAcknowledgedOnce() throws Exception {
        List<PersistWritesUseCase.Writes> parts = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        PersistWritesListener split = new PersistWritesListener(WriteTopology.persistQueue(0), writes -> {
            threads.add(Thread.currentThread().getName());
            parts.add(writes);
        }, codec, deadLetters, meters, 1_000, 2, 10, CommandTracing.off());
        List<Message> batch = interleavedEnvelopes(8, 5);

        split.onBatch(batch, channel);
        split.close();

        assertThat(parts).as("one transaction per part").hasSize(2);
        assertThat(threads).as("the consumer's thread and a helper").hasSize(2);
        Map<Long, List<Long>> numbersByChat = new TreeMap<>();
        for (PersistWritesUseCase.Writes part : parts) {
            Set<Long> chatsOfPart = new TreeSet<>();
            for (dev.chatplatform.domain.message.Message message : part.messages()) {
                numbersByChat.computeIfAbsent(message.chatNumber().value(), c -> new ArrayList<>()).add(message.number().value());
                chatsOfPart.add(message.chatNumber().value());
            }
            assertThat(chatsOfPart).allSatisfy(chat -> assertThat(parts.stream()
                    .filter(other -> other != part)
                    .flatMap(other -> other.messages().stream())
                    .noneMatch(m -> m.chatNumber().value() == chat)).as("chat %d in one part only", chat).isTrue());
        }
        assertThat(numbersByChat).hasSize(8).allSatisfy((chat, numbers) -> assertThat(numbers).containsExactly(1L, 2L, 3L, 4L, 5L));
        verify(channel).basicAck(batch.size(), true);
        verifyNoMoreInteractions(channel);
        assertThat(meters.counter("chat.worker.persisted").count()).isEqualTo(40);
    }

    @Test
    void aSmallBatchIsNotSplit() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        PersistWritesListener split = new PersistWritesListener(WriteTopology.persistQueue(0), writes -> {
            threads.add(Thread.currentThread().getName());
            persisted.add(writes);
        }, codec, deadLetters, meters, 1_000, 2, 1_000, CommandTracing.off());

        split.onBatch(interleavedEnvelopes(8, 5), channel);
        split.close();

        assertThat(persisted).hasSize(1);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aPartThatFailsSendsTheBatchDownTheOrdinaryPathWhereOnlyItsCommandFails() throws Exception {
        List<Long> applied = Collections.synchronizedList(new ArrayList<>());
        PersistWritesListener split = new PersistWritesListener(WriteTopology.persistQueue(0), writes -> {
            if (writes.messages().stream().anyMatch(m -> m.chatNumber().value() == 2 && m.number().value() == 3)) {
                throw new IllegalStateException("a constraint this command breaks");
            }
            writes.messages().forEach(m -> applied.add(m.chatNumber().value() * 100 + m.number().value()));
        }, codec, deadLetters, meters, 1_000, 2, 10, CommandTracing.off());
        List<Message> batch = interleavedEnvelopes(4, 5);

        split.onBatch(batch, channel);
        split.close();

        List<Long> expected = new ArrayList<>();
        for (long chat = 1; chat <= 4; chat++) {
            for (long number = 1; number <= 5; number++) {
                if (!(chat == 2 && number == 3)) {
                    expected.add(chat * 100 + number);
                }
            }
        }
        assertThat(new TreeSet<>(applied)).containsExactlyElementsOf(expected);
        // The failing command's envelope is requeued (its third delivery would send it alone to the dead letters).
        verify(channel, atLeastOnce()).basicNack(anyLong(), eq(false), eq(true));
        verifyNoInteractions(deadLetters);
    }

    /** {@code chats} chats of {@code messages} messages each, interleaved, in envelopes of 4 commands. */
    private List<Message> interleavedEnvelopes(int chats, int messages) {
        List<byte[]> commands = new ArrayList<>();
        for (long number = 1; number <= messages; number++) {
            for (long chat = 1; chat <= chats; chat++) {
                commands.add(codec.encode(new dev.chatplatform.domain.message.Message(Writes.APP, ChatNumber.of(chat),
                        MessageNumber.of(number), new MessageBody("m" + number), Writes.CREATED, Writes.UPDATED)));
            }
        }
        List<Message> batch = new ArrayList<>();
        for (int from = 0; from < commands.size(); from += 4) {
            batch.add(envelope(batch.size() + 1, 0, commands.subList(from, Math.min(commands.size(), from + 4))
                    .toArray(byte[][]::new)));
        }
        return batch;
    }
}
