package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.chatplatform.application.contract.MessageSearchIndexContract;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchMessageIndexIT extends MessageSearchIndexContract {

    private static final String INDEX = "messages_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static ElasticsearchClient client;
    private static ElasticsearchMessageIndex index;

    @BeforeAll
    static void createIndex() {
        client = ElasticsearchTestServer.connect();
        index = new ElasticsearchMessageIndex(client, INDEX);
        index.ensureIndex();
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        if (client == null) {
            return;
        }
        try {
            client.indices().delete(d -> d.index(INDEX));
        } finally {
            client._transport().close();
        }
    }

    /** What lets a tier's query stop a segment at a page of hits: the segments sorted as the query sorts. */
    @Test
    void aNewIndexSortsItsSegmentsByChatThenNumber() throws IOException {
        assertThat(Indices.sortedBy(client, INDEX, "chat")).isTrue();
        assertThat(client.indices().getSettings(g -> g.index(INDEX)).result().get(INDEX).settings().index().sort()
                .order()).extracting(Object::toString).containsExactly("Asc", "Desc");
    }

    @Override
    protected MessageSearchIndex searchIndex() {
        return index;
    }

    @Override
    protected void refresh() {
        try {
            client.indices().refresh(r -> r.index(INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
