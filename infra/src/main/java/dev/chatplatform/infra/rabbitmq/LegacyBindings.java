package dev.chatplatform.infra.rabbitmq;

import com.rabbitmq.client.Channel;
import dev.chatplatform.infra.wire.WriteTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;

/**
 * The bindings versions before issue 11 declared: {@code chat.writes --message--> chat.writes.index} and
 * {@code chat.writes --#--> chat.writes.persist}. Unbinding is idempotent (a binding that is not there unbinds
 * fine); a broker without the queue or the exchange yet answers 404, which closes the channel and means there
 * is nothing to drop.
 */
final class LegacyBindings {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyBindings.class);

    private LegacyBindings() {
    }

    static void drop(Connection connection) {
        unbind(connection, WriteTopology.INDEX_QUEUE, WriteTopology.MESSAGE_KEY);
        unbind(connection, WriteTopology.PERSIST_QUEUE, "#");
    }

    private static void unbind(Connection connection, String queue, String key) {
        Channel channel = connection.createChannel(false);
        try {
            channel.queueUnbind(queue, WriteTopology.EXCHANGE, key);
            LOG.debug("no binding of {} to {} with {} left", queue, WriteTopology.EXCHANGE, key);
        } catch (Exception noQueueOrExchangeYet) {
            LOG.debug("nothing to unbind: {}", noQueueOrExchangeYet.toString());
        } finally {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            } catch (Exception alreadyClosed) {
                // a 404 closed it
            }
        }
    }
}
