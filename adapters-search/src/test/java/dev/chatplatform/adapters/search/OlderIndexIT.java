package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;
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
 * An index created with an older mapping keeps taking and finding messages: the missing fields are added. The
 * mapping before grams (body_chunks, strict, and no app and chat keywords), and the mapping whose grams were an
 * array under the keyword analyzer (body_grams, before the gram sequence).
 */
class OlderIndexIT {

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String INDEX = "messages_older_it_" + SUFFIX;
    private static final String GRAM_ARRAYS_INDEX = "messages_gram_arrays_it_" + SUFFIX;
    private static final String CHAT_INDEX = "chats_gram_arrays_it_" + SUFFIX;
    private static final String CHATS_WITH_GRAM_ARRAYS = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"dynamic": "strict", "_source": {"enabled": false}, "properties": {
                "app": {"type": "keyword"}, "chat_number": {"type": "long"}, "activity": {"type": "long"},
                "text_grams": {"type": "text", "analyzer": "keyword", "norms": false, "index_options": "positions",
                               "position_increment_gap": 0}}}}""";
    private static final String MAPPING_BEFORE_GRAMS = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                          "analysis": {"normalizer": {"chunk_lowercase": {"type": "custom", "filter": ["lowercase"]}}}},
             "mappings": {"dynamic": "strict", "properties": {
                "app_id": {"type": "long"}, "chat_number": {"type": "long"}, "number": {"type": "long"},
                "body": {"type": "text", "analyzer": "standard"},
                "body_chunks": {"type": "keyword", "normalizer": "chunk_lowercase", "doc_values": false},
                "created_at": {"type": "date"}, "updated_at": {"type": "date"}}}}""";
    private static final String MAPPING_WITH_GRAM_ARRAYS = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"dynamic": "strict", "_source": {"excludes": ["body_grams"]}, "properties": {
                "app": {"type": "keyword"}, "chat": {"type": "keyword"},
                "app_id": {"type": "long"}, "chat_number": {"type": "long"}, "number": {"type": "long"},
                "body": {"type": "text", "analyzer": "standard"},
                "body_grams": {"type": "text", "analyzer": "keyword", "norms": false, "index_options": "positions",
                               "position_increment_gap": 0},
                "created_at": {"type": "date"}, "updated_at": {"type": "date"}}}}""";
    private static ElasticsearchClient client;

    @BeforeAll
    static void createAnOlderIndex() throws IOException {
        client = ElasticsearchTestServer.connect();
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(MAPPING_BEFORE_GRAMS)));
        client.indices().create(c -> c.index(GRAM_ARRAYS_INDEX).withJson(new StringReader(MAPPING_WITH_GRAM_ARRAYS)));
        client.indices().create(c -> c.index(CHAT_INDEX).withJson(new StringReader(CHATS_WITH_GRAM_ARRAYS)));
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        if (client != null) {
            client.indices().delete(d -> d.index(INDEX, GRAM_ARRAYS_INDEX, CHAT_INDEX));
        }
    }

    @Test
    void theGramsFieldIsAddedAndNewMessagesAreFound() throws IOException {
        takesAndFindsANewMessage(INDEX);
    }

    @Test
    void anOlderIndexTakesTheRefreshIntervalOfTheMapping() throws IOException {
        new ElasticsearchMessageIndex(client, INDEX).ensureIndex();

        var settings = client.indices().getSettings(g -> g.index(INDEX)).get(INDEX).settings();
        var interval = settings.index() != null ? settings.index().refreshInterval() : settings.refreshInterval();
        assertThat(interval).as("refresh_interval of %s", INDEX).isNotNull();
        assertThat(interval.time()).isEqualTo("250ms");
    }

    @Test
    void theGramSequenceIsAddedBesideTheGramArraysAndNewMessagesAreFound() throws IOException {
        takesAndFindsANewMessage(GRAM_ARRAYS_INDEX);

        assertThat(client.indices().getMapping(g -> g.index(GRAM_ARRAYS_INDEX)).get(GRAM_ARRAYS_INDEX).mappings()
                .properties().get(BodyGrams.FIELD).text().analyzer()).isEqualTo("whitespace");
    }

    @Test
    void theChatIndexGetsTheGramSequenceAndFindsNewChats() throws IOException {
        ElasticsearchChatIndex index = new ElasticsearchChatIndex(client, CHAT_INDEX);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        index.indexAll(List.of(new ChatSearchEntry(new AppId(1), new ChatNumber(3), "ann lee +6591234567", at, 1)));
        client.indices().refresh(r -> r.index(CHAT_INDEX));

        assertThat(index.firstMatchingText(new AppId(1), "N LE", null, 10)).singleElement()
                .satisfies(slot -> assertThat(slot.chat()).isEqualTo(new ChatNumber(3)));
    }

    private static void takesAndFindsANewMessage(String older) throws IOException {
        ElasticsearchMessageIndex index = new ElasticsearchMessageIndex(client, older);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Message message = new Message(new AppId(1), new ChatNumber(1), new MessageNumber(1),
                new MessageBody("found after the upgrade"), at, at);

        Message substringOnly = new Message(new AppId(1), new ChatNumber(1), new MessageNumber(2),
                new MessageBody("thereafter"), at, at);

        assertThat(index.indexAll(List.of(message, substringOnly))).as("rejected").isEmpty();
        client.indices().refresh(r -> r.index(older));

        assertThat(index.search(new AppId(1), new ChatNumber(1), "AFTER the", null, 10).hits()).hasSize(1);
        // Created without the index sort, it ranks the same: the word above the substring, the newer below it.
        assertThat(Indices.sortedBy(client, older, "chat")).isFalse();
        assertThat(index.search(new AppId(1), new ChatNumber(1), "after", null, 10).hits())
                .extracting(hit -> hit.number().value()).containsExactly(1L, 2L);
        assertThat(index.chatsMentioning(new AppId(1), "upgrade", 10)).containsExactly(new ChatNumber(1));
        assertThat(index.chatsMentioningAmong(new AppId(1), "upgrade", List.of(new ChatNumber(1), new ChatNumber(2))))
                .containsExactly(new ChatNumber(1));
    }
}
