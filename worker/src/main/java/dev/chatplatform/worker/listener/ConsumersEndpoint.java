package dev.chatplatform.worker.listener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pauses and resumes this worker's consumption of the write queues while the process stays up and warm:
 * {@code POST /actuator/consumers} with {@code {"state": "paused"}} or {@code {"state": "running"}},
 * {@code GET /actuator/consumers} tells which. For maintenance of MariaDB or Elasticsearch without a
 * restart (commands wait in their durable queues, nothing is lost), and for the backlog-drain benchmark, which
 * measures a warm worker this way beside a restarted one. Pausing lets in-flight batches commit and returns
 * unacknowledged deliveries to their queues; as the persist queues are single-active-consumer, another
 * running worker, if any, becomes their consumer.
 */
@Component
@Endpoint(id = "consumers")
public class ConsumersEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumersEndpoint.class);

    private final PersistQueueListeners persist;
    private final RabbitListenerEndpointRegistry annotated;

    public ConsumersEndpoint(PersistQueueListeners persist, RabbitListenerEndpointRegistry annotated) {
        this.persist = persist;
        this.annotated = annotated;
    }

    @ReadOperation
    public synchronized Map<String, Object> status() {
        boolean persisting = persist.isRunning();
        boolean indexing = annotated.getListenerContainers().stream().allMatch(MessageListenerContainer::isRunning);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", persisting && indexing ? "running" : "paused");
        status.put("persist", persisting ? "running" : "paused");
        status.put("index", indexing ? "running" : "paused");
        return status;
    }

    /** @param state "paused" or "running" */
    @WriteOperation
    public synchronized Map<String, Object> change(String state) {
        switch (state) {
            case "paused" -> {
                LOG.warn("pausing the consumption of the write queues (actuator): commands wait in their queues");
                persist.stop();
                annotated.getListenerContainers().forEach(MessageListenerContainer::stop);
            }
            case "running" -> {
                annotated.getListenerContainers().forEach(MessageListenerContainer::start);
                persist.start();
                LOG.info("consuming the write queues again (actuator)");
            }
            default -> throw new InvalidEndpointRequestException("state: \"paused\" or \"running\"",
                    "state: \"paused\" or \"running\"");
        }
        return status();
    }
}
