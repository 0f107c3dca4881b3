package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.chatplatform.application.contract.ChatSearchIndexContract;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchChatIndexIT extends ChatSearchIndexContract {

    private static final String INDEX = "chats_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static ElasticsearchClient client;
    private static ElasticsearchChatIndex index;

    @BeforeAll
    static void connect() {
        client = ElasticsearchTestServer.connect();
        index = new ElasticsearchChatIndex(client, INDEX);
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        if (client == null) {
            return;
        }
        try {
            client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        } finally {
            client._transport().close();
        }
    }

    @Override
    protected ChatSearchIndex searchIndex() {
        return index;
    }

    /** As the store hands them over: search_text lowercased with Locale.ROOT, the revision growing with each state. */
    @Override
    protected void given(List<Chat> chats) {
        index.indexAll(chats.stream().map(chat -> new ChatSearchEntry(chat.appId(), chat.number(),
                chat.title() == null ? "" : chat.title().value().toLowerCase(Locale.ROOT), chat.activityAt(),
                chat.updatedAt().toEpochMilli())).toList());
        refresh();
    }

    @Test
    void anOlderRevisionIndexedLateChangesNothing() {
        AppId app = newApp();
        Instant activity = Instant.parse("2026-01-01T00:00:00Z");
        index.indexAll(List.of(new ChatSearchEntry(app, ChatNumber.of(1), "renamed", activity.plusSeconds(5), 7)));
        index.indexAll(List.of(new ChatSearchEntry(app, ChatNumber.of(1), "first name", activity, 6)));
        refresh();

        assertThat(index.firstMatchingText(app, "first", null, 10)).isEmpty();
        assertThat(index.firstMatchingText(app, "RENAMED", null, 10)).singleElement()
                .satisfies(slot -> assertThat(slot.activityAt()).isEqualTo(activity.plusSeconds(5)));
    }

    /** What lets the query stop a segment at a page of chats: the segments sorted as the query sorts (inbox order). */
    @Test
    void theIndexSortsItsSegmentsByApplicationThenInboxOrder() throws IOException {
        index.firstMatchingText(newApp(), "anything", null, 1); // creates the index

        assertThat(Indices.sortedBy(client, INDEX, "app")).isTrue();
        assertThat(client.indices().getSettings(g -> g.index(INDEX)).result().get(INDEX).settings().index().sort()
                .field()).containsExactly("app", "activity", "chat_number");
    }

    private static void refresh() {
        try {
            client.indices().refresh(r -> r.index(INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
