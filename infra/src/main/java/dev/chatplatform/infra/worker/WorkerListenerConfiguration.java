package dev.chatplatform.infra.worker;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Batch consumption with manual acks: a listener receives up to batch-size deliveries (or what arrived
 * within receive-timeout) and acknowledges them after its write commits.
 */
@Configuration(proxyBeanMethods = false)
public class WorkerListenerConfiguration {

    @Bean
    SimpleRabbitListenerContainerFactory writeBatchListenerFactory(SimpleRabbitListenerContainerFactoryConfigurer configurer,
                                                                   ConnectionFactory connectionFactory,
                                                                   @Value("${chat.worker.batch-size:500}") int batchSize,
                                                                   @Value("${chat.worker.consumers:2}") int consumers) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        factory.setBatchListener(true);
        factory.setConsumerBatchEnabled(true);
        factory.setBatchSize(batchSize);
        factory.setPrefetchCount(batchSize * 2);
        factory.setReceiveTimeout(20L);
        factory.setConcurrentConsumers(consumers);
        factory.setMaxConcurrentConsumers(consumers);
        factory.setMissingQueuesFatal(false);
        return factory;
    }
}
