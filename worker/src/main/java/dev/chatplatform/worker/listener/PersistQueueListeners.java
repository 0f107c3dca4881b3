package dev.chatplatform.worker.listener;

import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.infra.observability.CommandTracing;
import dev.chatplatform.infra.rabbitmq.RabbitDeadLetters;
import dev.chatplatform.infra.wire.WriteCodec;
import dev.chatplatform.infra.wire.WriteTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The worker's consumers of the persist queues: one listener container, with one consumer thread, per
 * partition's queue ({@code chat.writes.partitions} of them) and one for the unpartitioned queue of earlier
 * versions; each listener splits a backlog's batches by chat over {@code chat.worker.persist-threads} threads
 * (from {@code chat.worker.parallel-from} commands a batch). So several cores persist at once, while each chat's
 * commands are persisted and their events published in order. The queues are single-active-consumer: of
 * several workers, one takes each queue's deliveries and the others stand by.
 */
@Component
public class PersistQueueListeners implements SmartLifecycle, DisposableBean {

    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    private final List<PersistWritesListener> listeners = new ArrayList<>();
    private volatile boolean running;

    public PersistQueueListeners(@Qualifier("writeBatchListenerFactory") SimpleRabbitListenerContainerFactory factory,
                                 PersistWritesUseCase persistWrites, WriteCodec codec, RabbitDeadLetters deadLetters,
                                 MeterRegistry meters, CommandTracing tracing,
                                 @Value("${chat.writes.partitions:" + WriteTopology.DEFAULT_PARTITIONS + "}") int partitions,
                                 @Value("${chat.worker.max-commands:2000}") int maxCommands,
                                 @Value("${chat.worker.persist-threads:2}") int threads,
                                 @Value("${chat.worker.parallel-from:1000}") int parallelFrom) {
        for (String queue : WriteTopology.persistQueues(partitions)) {
            SimpleMessageListenerContainer container = factory.createListenerContainer();
            container.setQueueNames(queue);
            container.setConcurrentConsumers(1);
            container.setMaxConcurrentConsumers(1);
            container.setListenerId("persist-" + queue);
            PersistWritesListener listener = new PersistWritesListener(queue, persistWrites, codec, deadLetters, meters,
                    maxCommands, threads, parallelFrom, tracing);
            container.setMessageListener(listener);
            container.afterPropertiesSet();
            containers.add(container);
            listeners.add(listener);
        }
    }

    /** The queues consumed, in the order of their containers (for tests and the log). */
    public List<String> queues() {
        return containers.stream().flatMap(container -> List.of(container.getQueueNames()).stream()).toList();
    }

    @Override
    public void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public void destroy() {
        containers.forEach(SimpleMessageListenerContainer::destroy);
        listeners.forEach(PersistWritesListener::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the @RabbitListener containers (the index queue's): after the connection factory, before shutdown ends. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
