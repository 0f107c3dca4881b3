package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Messages in Elasticsearch, one document per message with a deterministic id and the message's
 * updated_at as external version: a redelivered or older state is a no-op, so indexing is idempotent
 * and order-independent.
 */
public class ElasticsearchMessageIndex implements MessageSearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchMessageIndex.class);
    private static final String MAPPING = "/search/messages-index.json";
    private static final String CHATS_AGGREGATION = "chats";
    /**
     * The application and the chat as keywords, what every query filters on: a term of a keyword field is a
     * postings list read as far as the other clauses need, where a term of a long field builds a set of every
     * matching document first (3 ms for an application of 5 million messages, 6 ms for 200 chats in a
     * profile). app_id and chat_number stay, as longs, for aggregating, sorting and older readers.
     */
    private static final String APP = "app";
    private static final String CHAT = "chat";
    /** What the standard analyzer keeps as one token: ASCII letters and digits, fewer than 256 of them. */
    private static final Pattern ONE_TOKEN = Pattern.compile("[A-Za-z0-9]{1,255}");

    private final ElasticsearchClient client;
    private final String index;
    private volatile boolean indexReady;

    public ElasticsearchMessageIndex(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** Creates the index with its mapping unless it exists; called lazily so a down cluster delays, never crashes. */
    public void ensureIndex() {
        if (indexReady) {
            return;
        }
        try {
            // An index created by an older version lacks fields its strict mapping would reject in every new
            // document (body_grams, then app and chat, then body_gram_seq): they are added. The documents indexed
            // before lack them, and stay out of the searches that use them until they are indexed again:
            // scripts/reindex.sh does that online, from MySQL (docs/decisions/0003-substring-search.md).
            Set<String> added = Indices.createOrUpgrade(client, index, MAPPING);
            if (!added.isEmpty()) {
                LOG.warn("index {} predates fields {}: added them; messages indexed before are left out of searches "
                        + "until they are indexed again (scripts/reindex.sh)", index, added);
            }
            // An index's sort is fixed when it is created: an older index answers the same, only slower.
            if (!Indices.sortedBy(client, index, CHAT)) {
                LOG.warn("index {} predates its sort by chat and number: searches are right but read every match of "
                        + "a common word; rebuild it from scratch to sort it (docs/operations.md, \"Rebuilding the "
                        + "search index\")", index);
            }
            indexReady = true;
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    @Override
    public List<Message> indexAll(List<Message> messages) {
        ensureIndex();
        BulkResponse response;
        try {
            response = bulk(messages);
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
        return Bulk.rejected(response, "message").stream().map(messages::get).toList();
    }

    private BulkResponse bulk(List<Message> messages) throws IOException {
        return Bulk.index(client, index, messages, ElasticsearchMessageIndex::documentId,
                message -> message.updatedAt().toEpochMilli(), ElasticsearchMessageIndex::toDocument);
    }

    /**
     * The hits rank by tier (phrase, then any of q's words, then a substring only), newest first within a tier.
     * Each tier is a query of its own, sorted as the index is (chat, then number descending: the mapping's
     * index sort), so Elasticsearch stops reading a segment once it holds a page of hits from it: a common word's
     * top tier costs a page's worth of matches, not every match in the chat (took 0.7-1.2 ms -> 0.05-0.07 ms over
     * the data set's chat words, docs/performance.md). A lower tier is asked only when the ones above it leave
     * the page short; on an index created without the sort the answers are the same, each query reading every
     * match of its tier.
     */
    @Override
    public Hits search(AppId app, ChatNumber chat, String query, SearchPosition after, int limit) {
        ensureIndex();
        String chatKey = chatKey(app, chat);
        Query containing = BodyGrams.containing(query);
        List<MessageSearchIndex.Hit> hits = new ArrayList<>();
        for (Tier tier : tiers(query)) {
            if (hits.size() >= limit) {
                break;
            }
            if (after != null && tier.score() > after.score()) {
                continue; // the cursor is past this tier
            }
            Long below = after != null && tier.score() == after.score() ? after.number() : null;
            for (long number : tierHits(chatKey, containing, tier, below, limit - hits.size())) {
                hits.add(new MessageSearchIndex.Hit(new MessageNumber(number), tier.score()));
            }
        }
        return new Hits(hits);
    }

    /**
     * The numbers of the chat's hits of the tier whose bodies hold the substring ({@code containing}), below
     * {@code below} (null: from the newest), newest first, at most {@code size}.
     */
    private List<Long> tierHits(String chatKey, Query containing, Tier tier, Long below, int size) {
        try {
            SearchResponse<Void> response = client.search(s -> {
                s.index(index)
                        .size(size)
                        .trackTotalHits(t -> t.enabled(false))
                        // The number is the sort's second value: nothing of the document is fetched, not even
                        // its _id (a stored field: 1.2 ms of a 2 ms query for 51 hits, issue 12).
                        .storedFields("_none_")
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.term(t -> t.field(CHAT).value(chatKey)))
                                    // The grams decide what matches (substring semantics); the tier, how it ranks.
                                    .filter(containing);
                            tier.holds().ifPresent(b::filter);
                            tier.lacks().ifPresent(b::mustNot);
                            return b;
                        }))
                        // The index's own sort: what lets a segment stop at a page of hits.
                        .sort(so -> so.field(f -> f.field(CHAT).order(SortOrder.Asc)))
                        .sort(so -> so.field(f -> f.field("number").order(SortOrder.Desc)));
                if (below != null) {
                    s.searchAfter(FieldValue.of(chatKey), FieldValue.of(below));
                }
                return s;
            }, Void.class);
            List<Long> numbers = new ArrayList<>(response.hits().hits().size());
            for (co.elastic.clients.elasticsearch.core.search.Hit<Void> hit : response.hits().hits()) {
                numbers.add(hit.sort().get(1).longValue());
            }
            return numbers;
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    /** A relevance tier: the score its hits carry, the bodies it holds (besides q as a substring), those it leaves out. */
    record Tier(double score, Optional<Query> holds, Optional<Query> lacks) {
    }

    /**
     * How a hit ranks: 3 when the body holds q as a phrase (and so its words), 1 when it holds q's words, 0 for a
     * substring only. The scores depend on a document's own body only, never on corpus statistics (BM25's do,
     * and move at every refresh), so the (score, number) cursor stays valid while messages are being written. A q
     * of ASCII letters and digits alone is one token for the standard analyzer, so its phrase and its words are
     * the same term: two tiers.
     */
    static List<Tier> tiers(String query) {
        Query words = Query.of(q -> q.match(m -> m.field("body").query(query)));
        if (ONE_TOKEN.matcher(query).matches()) {
            return List.of(new Tier(3.0, Optional.of(words), Optional.empty()),
                    new Tier(0.0, Optional.empty(), Optional.of(words)));
        }
        Query phrase = Query.of(q -> q.matchPhrase(m -> m.field("body").query(query)));
        return List.of(new Tier(3.0, Optional.of(phrase), Optional.empty()),
                new Tier(1.0, Optional.of(words), Optional.of(phrase)),
                new Tier(0.0, Optional.empty(), Optional.of(words)));
    }

    /**
     * The same substring match as {@link #search}, over all of the application's chats, reduced to chat
     * numbers by a terms aggregation: no message leaves the index. When more than {@code max} chats match,
     * the newest chats (highest numbers) are kept. Keeping those with the newest matching message instead
     * (ordering by a max(created_at) sub-aggregation) would suit the inbox better, but it doubled the
     * query's tail latency on 100,000 messages while it only matters past {@code max} chats.
     */
    @Override
    public Set<ChatNumber> chatsMentioning(AppId app, String query, int max) {
        if (max < 1) {
            return Set.of(); // a terms aggregation of size 0 is an error, not an empty answer
        }
        ensureIndex();
        try {
            SearchResponse<Void> response = client.search(s -> s
                    .index(index)
                    .size(0)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(mentioningIn(app, query))
                    .aggregations(CHATS_AGGREGATION, a -> a
                            .terms(t -> t.field("chat_number").size(max)
                                    .order(NamedValue.of("_key", SortOrder.Desc)))),
                    Void.class);
            return chatNumbers(response);
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    /**
     * The same match as {@link #chatsMentioning}, stopped after {@code maxMessages} + 1 matching messages
     * (terminate_after): a search that stopped early names too many messages to be a short list, and
     * cost no more than those matches.
     */
    @Override
    public Optional<Set<ChatNumber>> allChatsMentioning(AppId app, String query, int maxMessages) {
        ensureIndex();
        try {
            SearchResponse<Void> response = client.search(s -> s
                            .index(index)
                            .size(0)
                            .trackTotalHits(t -> t.enabled(false))
                            .terminateAfter((long) maxMessages + 1)
                            .query(mentioningIn(app, query))
                            .aggregations(CHATS_AGGREGATION, a -> a.terms(t -> t.field("chat_number").size(maxMessages + 1))),
                    Void.class);
            return Boolean.TRUE.equals(response.terminatedEarly()) ? Optional.empty() : Optional.of(chatNumbers(response));
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    /**
     * Which of {@code among} have a message whose body contains {@code query}: the same match as
     * {@link #chatsMentioning}, over those chats' messages only. Their keyword terms make the filter a
     * union of their postings, so the body match is tried on their few documents rather than the body match
     * first and the chats after: a few milliseconds for a page's worth of chats whatever the query, where the
     * whole application takes tens for a common one (docs/performance.md, issue 12).
     */
    @Override
    public Set<ChatNumber> chatsMentioningAmong(AppId app, String query, Collection<ChatNumber> among) {
        if (among.isEmpty()) {
            return Set.of();
        }
        ensureIndex();
        List<FieldValue> chats = among.stream().distinct().map(chat -> FieldValue.of(chatKey(app, chat))).toList();
        try {
            SearchResponse<Void> response = client.search(s -> s
                            .index(index)
                            .size(0)
                            .trackTotalHits(t -> t.enabled(false))
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.terms(t -> t.field(CHAT).terms(v -> v.value(chats))))
                                    .filter(BodyGrams.containing(query))))
                            .aggregations(CHATS_AGGREGATION, a -> a.terms(t -> t.field("chat_number").size(chats.size()))),
                    Void.class);
            return chatNumbers(response);
        } catch (IOException e) {
            throw Indices.unavailable(e);
        }
    }

    /** The application's messages whose body contains the query. */
    private static Query mentioningIn(AppId app, String query) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field(APP).value(String.valueOf(app.value()))))
                .filter(BodyGrams.containing(query))));
    }

    private static Set<ChatNumber> chatNumbers(SearchResponse<Void> response) {
        Aggregate chats = response.aggregations().get(CHATS_AGGREGATION);
        if (chats == null || !chats.isLterms()) {
            return Set.of(); // no document in the index has a chat_number yet
        }
        Set<ChatNumber> numbers = new LinkedHashSet<>();
        for (LongTermsBucket bucket : chats.lterms().buckets().array()) {
            numbers.add(new ChatNumber(bucket.key()));
        }
        return numbers;
    }

    /** A chat's key in the index: one keyword term names the application and the chat. */
    static String chatKey(AppId app, ChatNumber chat) {
        return app.value() + "/" + chat.value();
    }

    static String documentId(Message message) {
        return message.appId().value() + "-" + message.chatNumber().value() + "-" + message.number().value();
    }

    private static Map<String, Object> toDocument(Message message) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(APP, String.valueOf(message.appId().value()));
        document.put(CHAT, chatKey(message.appId(), message.chatNumber()));
        document.put("app_id", message.appId().value());
        document.put("chat_number", message.chatNumber().value());
        document.put("number", message.number().value());
        document.put("body", message.body().value());
        document.put(BodyGrams.FIELD, BodyGrams.of(message.body().value()));
        document.put("created_at", message.createdAt().toEpochMilli());
        document.put("updated_at", message.updatedAt().toEpochMilli());
        return document;
    }
}
