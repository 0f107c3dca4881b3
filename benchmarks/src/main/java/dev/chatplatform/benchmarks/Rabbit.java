package dev.chatplatform.benchmarks;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** A connection to the platform's RabbitMQ vhost, from the platform's own environment variables. */
final class Rabbit {

    private Rabbit() {
    }

    static Connection connect(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Settings.env("CHAT_RABBIT_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(Settings.env("CHAT_RABBIT_PORT", "5672")));
        factory.setUsername(Settings.env("CHAT_RABBIT_USER", "chat"));
        factory.setPassword(Settings.env("CHAT_RABBIT_PASSWORD", "chat"));
        factory.setVirtualHost(Settings.env("CHAT_RABBIT_VHOST", "chat"));
        return factory.newConnection(name);
    }
}
