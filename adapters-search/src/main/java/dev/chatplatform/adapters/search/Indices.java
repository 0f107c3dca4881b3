package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.chatplatform.application.DependencyUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Creating an index from its mapping file on first use, so a cluster that is down delays a process, never crashes
 * it; and what an unreachable cluster is to the application.
 */
final class Indices {

    private Indices() {
    }

    /** The cluster could not be reached or answered nothing readable: a 503 for a request, a retry for the worker. */
    static DependencyUnavailableException unavailable(IOException e) {
        return new DependencyUnavailableException("elasticsearch", new UncheckedIOException(e));
    }

    /** Creates the index from the mapping resource unless it exists; returns whether it was missing. */
    static boolean createIfMissing(ElasticsearchClient client, String index, String mappingResource) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return false;
        }
        try (InputStream mapping = Indices.class.getResourceAsStream(mappingResource)) {
            client.indices().create(c -> c.index(index).withJson(mapping));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        return true;
    }
}
