package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.message.Message;

import java.util.List;

/**
 * Where persisted messages wait to be indexed for search. The worker hands over what it has just
 * persisted, so a write is published once (to the persist queue) rather than once per queue, and an
 * indexing backlog (Elasticsearch down) never holds persistence up. Returns once the queue holds the
 * messages durably; throws {@link dev.chatplatform.application.DependencyUnavailableException}
 * otherwise, so the batch is retried and nothing goes unindexed.
 */
public interface IndexQueue {

    void enqueue(List<Message> messages);
}
