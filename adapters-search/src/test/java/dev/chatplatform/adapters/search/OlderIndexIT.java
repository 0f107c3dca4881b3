package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index created with the mapping before grams (body_chunks, strict), and before the app and chat keywords,
 * keeps taking and finding messages: the missing fields are added.
 */
class OlderIndexIT {

    private static final String INDEX = "messages_older_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String MAPPING_BEFORE_GRAMS = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                          "analysis": {"normalizer": {"chunk_lowercase": {"type": "custom", "filter": ["lowercase"]}}}},
             "mappings": {"dynamic": "strict", "properties": {
                "app_id": {"type": "long"}, "chat_number": {"type": "long"}, "number": {"type": "long"},
                "body": {"type": "text", "analyzer": "standard"},
                "body_chunks": {"type": "keyword", "normalizer": "chunk_lowercase", "doc_values": false},
                "created_at": {"type": "date"}, "updated_at": {"type": "date"}}}}""";
    private static ElasticsearchClient client;

    @BeforeAll
    static void createAnOlderIndex() throws IOException {
        client = ElasticsearchTestServer.connect();
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(MAPPING_BEFORE_GRAMS)));
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        if (client != null) {
            client.indices().delete(d -> d.index(INDEX));
        }
    }

    @Test
    void theGramsFieldIsAddedAndNewMessagesAreFound() throws IOException {
        ElasticsearchMessageIndex index = new ElasticsearchMessageIndex(client, INDEX);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Message message = new Message(new AppId(1), new ChatNumber(1), new MessageNumber(1),
                new MessageBody("found after the upgrade"), at, at);

        assertThat(index.indexAll(List.of(message))).as("rejected").isEmpty();
        client.indices().refresh(r -> r.index(INDEX));

        assertThat(index.search(new AppId(1), new ChatNumber(1), "AFTER the", null, 10).hits()).hasSize(1);
        assertThat(index.chatsMentioning(new AppId(1), "upgrade", 10)).containsExactly(new ChatNumber(1));
        assertThat(index.chatsMentioningAmong(new AppId(1), "upgrade", List.of(new ChatNumber(1), new ChatNumber(2))))
                .containsExactly(new ChatNumber(1));
    }
}
