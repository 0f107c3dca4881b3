package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.chatplatform.application.DependencyUnavailableException;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One bulk request of externally versioned documents, written whole and sent with its length: the client's
 * own bulk streams each document as a chunk of its own, and its I/O thread made a socket write per chunk (a
 * third of the worker's CPU at 2,000 messages/s, docs/performance.md). Lines are serialised by the client's
 * mapper, as it would.
 */
final class Bulk {

    private static final Logger LOG = LoggerFactory.getLogger(Bulk.class);

    private Bulk() {
    }

    /**
     * The positions of the items the index refused as malformed (retrying them cannot help), each logged as a
     * {@code kind}; a 409 is not one (an equal or newer state is indexed already). Throws when an item was
     * refused for want of capacity (429, 5xx): the whole batch is to be tried again.
     */
    static List<Integer> rejected(BulkResponse response, String kind) {
        if (!response.errors()) {
            return List.of();
        }
        List<Integer> rejected = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null || item.status() == 409) {
                continue;
            }
            if (item.status() == 429 || item.status() >= 500) {
                throw new DependencyUnavailableException("elasticsearch",
                        new IllegalStateException(item.error().type() + ": " + item.error().reason()));
            }
            LOG.warn("index rejected {} {}: {} {}", kind, item.id(), item.error().type(), item.error().reason());
            rejected.add(i);
        }
        return rejected;
    }

    /**
     * Indexes each item unless an equal or newer version of its document is there (external_gte): the answer's
     * items say which, in order. Throws the ResponseException of a 429 or 5xx (unavailable: try again later),
     * an IllegalStateException for any other refusal of the whole request.
     */
    static <T> BulkResponse index(ElasticsearchClient client, String index, List<T> items, Function<T, String> id,
                                  ToLongFunction<T> version, Function<T, Map<String, Object>> document) throws IOException {
        JsonpMapper mapper = client._jsonpMapper();
        ByteArrayOutputStream body = new ByteArrayOutputStream(items.size() * 512);
        for (T item : items) {
            try (JsonGenerator action = mapper.jsonProvider().createGenerator(body)) {
                action.writeStartObject().writeStartObject("index")
                        .write("_index", index)
                        .write("_id", id.apply(item))
                        .write("version", version.applyAsLong(item))
                        .write("version_type", "external_gte")
                        .writeEnd().writeEnd();
            }
            body.write('\n');
            try (JsonGenerator line = mapper.jsonProvider().createGenerator(body)) {
                mapper.serialize(document.apply(item), line);
            }
            body.write('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new ByteArrayEntity(body.toByteArray(), ContentType.create("application/x-ndjson")));
        Response answer;
        try {
            answer = ((RestClientTransport) client._transport()).restClient().performRequest(request);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 429 || status >= 500) {
                throw e; // unavailable: the batch waits and is tried again
            }
            throw new IllegalStateException("the bulk request was refused: " + status, e);
        }
        try (InputStream content = answer.getEntity().getContent();
             JsonParser parser = mapper.jsonProvider().createParser(content)) {
            return BulkResponse._DESERIALIZER.deserialize(parser, mapper);
        }
    }
}
