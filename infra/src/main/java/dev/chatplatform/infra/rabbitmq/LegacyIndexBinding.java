package dev.chatplatform.infra.rabbitmq;

import com.rabbitmq.client.Channel;
import dev.chatplatform.infra.wire.WriteTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;

/**
 * The binding {@code chat.writes --message--> chat.writes.index} that versions before issue 11 declared.
 * Unbinding is idempotent (a binding that is not there unbinds fine); a broker without the queue or the
 * exchange yet answers 404, which closes the channel and means there is nothing to drop.
 */
final class LegacyIndexBinding {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyIndexBinding.class);

    private LegacyIndexBinding() {
    }

    static void drop(Connection connection) {
        Channel channel = connection.createChannel(false);
        try {
            channel.queueUnbind(WriteTopology.INDEX_QUEUE, WriteTopology.EXCHANGE, WriteTopology.MESSAGE_KEY);
            LOG.debug("no binding of {} to {} left", WriteTopology.INDEX_QUEUE, WriteTopology.EXCHANGE);
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
