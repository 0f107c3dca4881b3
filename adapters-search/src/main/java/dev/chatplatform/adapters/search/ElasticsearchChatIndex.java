package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.port.out.ChatStore.InboxSlot;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One document per chat: its search text as positional grams ({@link BodyGrams}: the same substring match as
 * the message bodies get) and its activity, so that Elasticsearch filters, sorts in inbox order and cuts the
 * page. The search text arrives lowercased by the chat store ({@code Locale.ROOT}), and q is lowercased the
 * same way here: the match is what {@code search_text LIKE '%q%'} found. Versioned by the chat row's
 * search_revision, so documents indexed out of order never go back.
 */
public class ElasticsearchChatIndex implements ChatSearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchChatIndex.class);
    private static final String MAPPING = "/search/chats-index.json";
    private static final String APP = "app";
    private static final String TEXT = "text_gram_seq";
    private static final String ACTIVITY = "activity";
    private static final String NUMBER = "chat_number";

    private final ElasticsearchClient client;
    private final String index;
    private volatile boolean indexReady;

    public ElasticsearchChatIndex(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        try {
            Set<String> added = Indices.createOrUpgrade(client, index, MAPPING);
            if (!added.isEmpty()) {
                LOG.warn("chat index {} predates fields {}: added them; chats indexed before are not found by q "
                        + "until they are indexed again (docs/operations.md, rebuilding the chat index)", index, added);
            }
            // An index's sort is fixed when it is created: an older index answers the same, only slower.
            if (!Indices.sortedBy(client, index, APP)) {
                LOG.warn("chat index {} predates its sort by application and activity: q is right but sorts every "
                        + "matching chat; rebuild it to sort it (docs/operations.md, rebuilding the chat index)", index);
            }
            indexReady = true;
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    @Override
    public List<InboxSlot> firstMatchingText(AppId app, String text, InboxPosition after, int limit) {
        ensureIndex();
        String appKey = String.valueOf(app.value());
        try {
            SearchResponse<Void> response = client.search(s -> {
                s.index(index)
                        .size(limit)
                        .trackTotalHits(t -> t.enabled(false))
                        // The sort values are the answer: no stored field is read, not even _id (its fetch
                        // was 1.2 ms of a 2 ms query for a page of chats).
                        .storedFields("_none_")
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field(APP).value(appKey)))
                                .filter(BodyGrams.containingLowercased(TEXT, text.toLowerCase(Locale.ROOT)))))
                        // The index's own sort (the application first, one value here): a segment stops at a
                        // page of matches instead of sorting all of them (a common name matches thousands of chats).
                        .sort(so -> so.field(f -> f.field(APP).order(SortOrder.Asc)))
                        .sort(so -> so.field(f -> f.field(ACTIVITY).order(SortOrder.Desc)))
                        .sort(so -> so.field(f -> f.field(NUMBER).order(SortOrder.Desc)));
                if (after != null) {
                    s.searchAfter(FieldValue.of(appKey), FieldValue.of(after.activityAt().toEpochMilli()),
                            FieldValue.of(after.number()));
                }
                return s;
            }, Void.class);
            List<InboxSlot> slots = new ArrayList<>(response.hits().hits().size());
            for (Hit<Void> hit : response.hits().hits()) {
                slots.add(new InboxSlot(new ChatNumber(hit.sort().get(2).longValue()),
                        Instant.ofEpochMilli(hit.sort().get(1).longValue()), true));
            }
            return slots;
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    @Override
    public void indexAll(List<ChatSearchEntry> chats) {
        if (chats.isEmpty()) {
            return;
        }
        ensureIndex();
        BulkResponse response;
        try {
            response = Bulk.index(client, index, chats, ElasticsearchChatIndex::documentId,
                    ChatSearchEntry::revision, ElasticsearchChatIndex::toDocument);
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
        // A refused document (none should be) waits for its chat's next change to be indexed again.
        Bulk.rejected(response, "chat");
    }

    static String documentId(ChatSearchEntry chat) {
        return chat.app().value() + "-" + chat.chat().value();
    }

    private static Map<String, Object> toDocument(ChatSearchEntry chat) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("app", String.valueOf(chat.app().value()));
        document.put(NUMBER, chat.chat().value());
        document.put(ACTIVITY, chat.activityAt().toEpochMilli());
        document.put(TEXT, BodyGrams.ofLowercased(chat.searchText()));
        return document;
    }
}
