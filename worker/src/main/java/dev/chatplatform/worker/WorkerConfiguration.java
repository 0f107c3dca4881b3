package dev.chatplatform.worker;

import dev.chatplatform.application.port.in.IndexMessagesUseCase;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.application.port.in.IndexChatsUseCase;
import dev.chatplatform.application.port.in.ReconcileCountsUseCase;
import dev.chatplatform.application.port.out.ChatEventPublisher;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatSearchChanges;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.CountStore;
import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.application.port.in.ReindexMessagesUseCase;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.application.service.IndexMessagesService;
import dev.chatplatform.application.service.PersistWritesService;
import dev.chatplatform.application.service.IndexChatsService;
import dev.chatplatform.application.service.ReconcileCountsService;
import dev.chatplatform.application.service.ReindexMessagesService;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.chatplatform.infra.observability.DependencyMeters;
import dev.chatplatform.infra.rabbitmq.WriteQueueMeters;
import dev.chatplatform.infra.wire.WriteTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's use cases (persist, index, reconcile counts), wired over the out-ports the imported adapters
 * provide, and the listeners' batch consumption with manual acks: a listener receives up to batch-size
 * deliveries, or what arrived within batch-max-wait of the batch's first one, and acknowledges them after its
 * write commits. Without that bound a batch was only cut when 20 ms passed with no delivery: under a steady
 * load of group-commit envelopes (one every few milliseconds) it grew to batch-size for seconds, and every
 * event and search waited for it.
 */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    /** How far behind the worker is, per write queue, for the dashboard and the lag alert (issue 13). */
    @Bean
    WriteQueueMeters writeQueueMeters(RabbitTemplate rabbit, MeterRegistry meters,
                                      @Value("${chat.observability.queue-check-interval:PT10S}") Duration interval,
                                      @Value("${chat.writes.partitions:" + WriteTopology.DEFAULT_PARTITIONS + "}") int partitions) {
        List<String> queues = new ArrayList<>(WriteTopology.persistQueues(partitions));
        queues.addAll(List.of(WriteTopology.INDEX_QUEUE, WriteTopology.DEAD_LETTER_QUEUE));
        return new WriteQueueMeters(rabbit, queues, meters, interval);
    }

    @Bean
    DependencyMeters dependencyMeters(HealthContributorRegistry health, MeterRegistry meters,
                                      @Value("${chat.observability.dependency-check-interval:PT10S}") Duration interval) {
        return new DependencyMeters(health, meters, interval);
    }

    @Bean
    SimpleRabbitListenerContainerFactory writeBatchListenerFactory(SimpleRabbitListenerContainerFactoryConfigurer configurer,
                                                                   ConnectionFactory connectionFactory,
                                                                   @Value("${chat.worker.batch-size:500}") int batchSize,
                                                                   @Value("${chat.worker.consumers:2}") int consumers,
                                                                   @Value("${chat.worker.batch-max-wait:PT0.05S}") Duration batchMaxWait) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        factory.setBatchListener(true);
        factory.setConsumerBatchEnabled(true);
        factory.setBatchSize(batchSize);
        factory.setPrefetchCount(batchSize * 2);
        factory.setReceiveTimeout(20L);
        factory.setBatchReceiveTimeout(batchMaxWait.toMillis());
        factory.setConcurrentConsumers(consumers);
        factory.setMaxConcurrentConsumers(consumers);
        factory.setMissingQueuesFatal(false);
        return factory;
    }

    @Bean
    PersistWritesUseCase persistWrites(UserStore users, ChatStore chats, MessageStore messages, ReactionStore reactions,
                                       ReceiptStore receipts, RecentMessagesCache recent, PendingWrites pending,
                                       ChatEventPublisher events, IndexQueue index) {
        return new PersistWritesService(users, chats, messages, reactions, receipts, recent, pending, events, index);
    }

    @Bean
    IndexMessagesUseCase indexMessages(MessageSearchIndex index) {
        return new IndexMessagesService(index);
    }

    /** Batches of 2,000: a bulk request of about 1 MB with the grams, the worker's own index batches' size order. */
    @Bean
    ReindexMessagesUseCase reindexMessages(MessageStore messages, MessageSearchIndex index) {
        return new ReindexMessagesService(messages, index, 2_000);
    }

    @Bean
    IndexChatsUseCase indexChats(ChatSearchChanges changes, ChatSearchIndex index) {
        return new IndexChatsService(changes, index);
    }

    @Bean
    ReconcileCountsUseCase reconcileCounts(CountStore counts) {
        return new ReconcileCountsService(counts);
    }
}
