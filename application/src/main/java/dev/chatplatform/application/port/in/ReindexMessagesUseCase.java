package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppId;

import java.util.function.LongConsumer;

/** Rebuilds the search index from the stored messages. */
public interface ReindexMessagesUseCase {

    /**
     * Indexes again every stored message of {@code app} (every application when null), online: a message
     * indexed in a newer state meanwhile keeps it. Reports the running count after each batch; returns the
     * count of messages indexed.
     */
    long reindex(AppId app, LongConsumer progress);
}
