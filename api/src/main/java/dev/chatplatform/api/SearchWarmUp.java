package dev.chatplatform.api;

import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.List;

/**
 * Asks Elasticsearch each kind of query the API asks, once, on the main thread while the API starts, before its
 * connector takes requests: for an application that does not exist, so nothing is found. The first use of the
 * Elasticsearch client initialises hundreds of its classes (deserialisers, the JSON mapper, the HTTP client's
 * pool). Left to the first requests, eight concurrent ones initialised them together on virtual threads, and a
 * virtual thread waiting for another's class initialisation pins its carrier: the pattern that hung the worker
 * at start (application.yml of the worker) and the likeliest cause of an API that stopped answering at its first
 * searches in a CI smoke run (see {@link CarrierWatchdog}). It also spares the first searches the class loading.
 * When Elasticsearch is not reachable the API starts all the same (its searches answer 503 until it is).
 */
final class SearchWarmUp implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(SearchWarmUp.class);
    /** No application has this id: ids come from MySQL's auto-increment. */
    static final AppId NOBODY = new AppId(Long.MAX_VALUE);

    private final MessageSearchIndex messages;
    private final ChatSearchIndex chats;

    SearchWarmUp(MessageSearchIndex messages, ChatSearchIndex chats) {
        this.messages = messages;
        this.chats = chats;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        try {
            ChatNumber chat = ChatNumber.of(1);
            messages.search(NOBODY, chat, "warm", null, 1);
            messages.search(NOBODY, chat, "warm", new MessageSearchIndex.SearchPosition(1.0, 1), 1);
            messages.allChatsMentioning(NOBODY, "warm", 1);
            messages.chatsMentioning(NOBODY, "warm", 1);
            messages.chatsMentioningAmong(NOBODY, "warm", List.of(chat));
            chats.firstMatchingText(NOBODY, "warm", null, 1);
            LOG.info("Elasticsearch client warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Elasticsearch client not warmed at start ({}); its classes load on the first searches",
                    e.toString());
        }
    }
}
