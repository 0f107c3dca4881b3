package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.ReindexMessagesUseCase;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.Message;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Walks the stored messages in key order and indexes them in batches. Safe while the platform runs: the
 * index keeps the newest state of a message by its version (updated_at), so a batch read before an edit
 * never overwrites the edit, and indexing the same state again only refreshes its document (with the fields
 * a newer mapping added, the reason to run this).
 */
public final class ReindexMessagesService implements ReindexMessagesUseCase {

    private static final System.Logger LOG = System.getLogger(ReindexMessagesService.class.getName());

    private final MessageStore messages;
    private final MessageSearchIndex index;
    private final int batchSize;

    public ReindexMessagesService(MessageStore messages, MessageSearchIndex index, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.messages = messages;
        this.index = index;
        this.batchSize = batchSize;
    }

    @Override
    public long reindex(AppId app, LongConsumer progress) {
        long indexed = 0;
        MessageStore.Position after = null;
        while (true) {
            List<Message> batch = messages.walk(app, after, batchSize);
            if (batch.isEmpty()) {
                return indexed;
            }
            for (Message rejected : index.indexAll(batch)) {
                LOG.log(Level.WARNING, "the index rejected message {0} of chat {1} (application {2})",
                        rejected.number().value(), rejected.chatNumber().value(), rejected.appId().value());
            }
            indexed += batch.size();
            progress.accept(indexed);
            after = MessageStore.Position.of(batch.getLast());
        }
    }
}
