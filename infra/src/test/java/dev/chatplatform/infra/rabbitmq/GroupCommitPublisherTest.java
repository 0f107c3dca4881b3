package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.infra.wire.WriteCodec;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request waits for its confirm without a timer of its own: the watchdog is what bounds the wait when the
 * publishing thread cannot send (here a channel that never comes, as with a broker that blocks the connection).
 * The real broker's confirms, nacks and returns are in {@link RabbitWriteQueueIT}.
 */
class GroupCommitPublisherTest {

    @Test
    void aCommandThatCannotBeSentFailsAfterTheConfirmTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        RabbitTemplate stuck = new RabbitTemplate() {
            @Override
            public <T> T invoke(OperationsCallback<T> action) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
        };
        try (GroupCommitPublisher publisher = publisher(stuck)) {
            long start = System.nanoTime();
            CompletableFuture<Void> confirmed = publisher.send("commands", "{}".getBytes());

            assertThatThrownBy(() -> publisher.await(confirmed)).isInstanceOf(DependencyUnavailableException.class);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(waitedMillis).isBetween(300L, 2_000L);
        }
    }

    @Test
    void aSendThatHangsFailsItsGroupAfterTheConfirmTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        RabbitTemplate hanging = new RabbitTemplate() {
            @Override
            public <T> T invoke(OperationsCallback<T> action) {
                return action.doInRabbit((RabbitOperations) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[]{RabbitOperations.class}, (proxy, method, args) -> {
                            try {
                                never.await(); // the send blocks, as on a connection the broker blocked
                            } catch (InterruptedException closed) {
                                Thread.currentThread().interrupt();
                            }
                            return null;
                        }));
            }
        };
        try (GroupCommitPublisher publisher = publisher(hanging)) {
            CompletableFuture<Void> confirmed = publisher.send("commands", "{}".getBytes());

            assertThatThrownBy(() -> publisher.await(confirmed)).isInstanceOf(DependencyUnavailableException.class);
        }
    }

    /** A confirm timeout of 300 ms. */
    private static GroupCommitPublisher publisher(RabbitTemplate rabbit) {
        return new GroupCommitPublisher(rabbit, "chat.writes", new WriteCodec(), Duration.ofMillis(300), 2, 256, 512 * 1024, 64);
    }
}
