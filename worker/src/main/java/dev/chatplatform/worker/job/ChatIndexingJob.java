package dev.chatplatform.worker.job;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.in.IndexChatsUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the chat documents of the search index (the inbox's q over titles, names and phones) within about a
 * second of the chat rows: every {@code chat.search.chats-interval} (1 s) it indexes the chats recorded as
 * changed. Runs on every worker: documents are versioned by the row's revision, so two workers indexing the
 * same chat cannot take it back.
 * <p>
 * One second is the chat index's refresh interval: a chat reindexed more often than its index refreshes only
 * replaces a document no search has seen yet. A busy chat's activity moves with every message, so at 200 ms the
 * job wrote about one chat document for every two messages at 100 busy chats, a quarter of Elasticsearch's CPU
 * per message (docs/performance.md, fourteenth session).
 */
@Component
public class ChatIndexingJob {

    private static final Logger LOG = LoggerFactory.getLogger(ChatIndexingJob.class);

    private final IndexChatsUseCase indexChats;
    private final Counter indexed;
    private volatile String lastFailure;

    /** {@code chat.worker.chats.indexed}: chat documents written. */
    public ChatIndexingJob(IndexChatsUseCase indexChats, MeterRegistry meters) {
        this.indexChats = indexChats;
        this.indexed = Counter.builder("chat.worker.chats.indexed")
                .description("Chat documents written to the search index").register(meters);
    }

    @Scheduled(fixedDelayString = "${chat.search.chats-interval:PT1S}", initialDelayString = "PT1S")
    public void indexChanged() {
        try {
            indexed.increment(indexChats.indexChanged());
            lastFailure = null;
        } catch (DependencyUnavailableException e) {
            if (!e.dependency().equals(lastFailure)) { // once per outage, not five times a second
                LOG.warn("chat indexing waits: {} is unavailable", e.dependency());
                lastFailure = e.dependency();
            }
        }
    }
}
