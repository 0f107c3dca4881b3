package dev.chatplatform.infra.rabbitmq;

import dev.chatplatform.infra.wire.WriteTopology;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * The broker the RabbitMQ adapter's tests run on: a container where Docker runs, else the service at
 * CHAT_RABBIT_HOST in the chat_it vhost (the system tests own chat_test), with the write path's topology
 * declared fresh; {@link #close()} deletes its queues.
 */
final class RabbitTestBroker implements AutoCloseable {

    /** The persist partitions the tests' topology has (more than the product's default of one). */
    static final int PARTITIONS = 2;

    private final GenericContainer<?> container;
    final CachingConnectionFactory connections;
    final RabbitAdmin admin;

    RabbitTestBroker() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            container = new GenericContainer<>("rabbitmq:3.13-management").withExposedPorts(5672);
            container.start();
            connections = new CachingConnectionFactory(container.getHost(), container.getMappedPort(5672));
        } else {
            container = null;
            connections = new CachingConnectionFactory(env("CHAT_RABBIT_HOST", "127.0.0.1"),
                    Integer.parseInt(env("CHAT_RABBIT_PORT", "5672")));
            connections.setUsername(env("CHAT_RABBIT_USER", "chat"));
            connections.setPassword(env("CHAT_RABBIT_PASSWORD", "chat"));
            connections.setVirtualHost(env("CHAT_IT_RABBIT_VHOST", "chat_it"));
        }
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        admin = new RabbitAdmin(connections);
        deleteQueues();
        new RabbitMqConfiguration().writeTopology(PARTITIONS).getDeclarables().forEach(this::declare);
    }

    RabbitTemplate template() {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMandatory(true);
        return template;
    }

    void declare(Declarable declarable) {
        switch (declarable) {
            case Queue q -> admin.declareQueue(q);
            case org.springframework.amqp.core.Exchange e -> admin.declareExchange(e);
            case org.springframework.amqp.core.Binding b -> admin.declareBinding(b);
            default -> throw new IllegalStateException("unexpected declarable " + declarable);
        }
    }

    private void deleteQueues() {
        List<String> names = new ArrayList<>(WriteTopology.persistQueues(PARTITIONS));
        names.addAll(List.of(WriteTopology.INDEX_QUEUE, WriteTopology.DEAD_LETTER_QUEUE));
        names.forEach(admin::deleteQueue);
    }

    @Override
    public void close() {
        deleteQueues();
        connections.destroy();
        if (container != null) {
            container.stop();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
