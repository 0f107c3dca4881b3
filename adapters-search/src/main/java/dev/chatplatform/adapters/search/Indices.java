package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.io.InputStream;

/** Creating an index from its mapping file on first use, so a cluster that is down delays a process, never crashes it. */
final class Indices {

    private Indices() {
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
