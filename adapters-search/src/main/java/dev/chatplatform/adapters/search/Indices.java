package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.IndexState;
import dev.chatplatform.application.DependencyUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /**
     * Adds to an index created by an older version the fields of the mapping resource it lacks, which its strict
     * mapping would reject in every new document, as the resource defines them, so that an upgraded index cannot
     * differ from a new one in those fields. Returns the fields added: the documents indexed before lack them,
     * and stay out of the searches that use them until they are indexed again.
     */
    private static Set<String> addMissingFields(ElasticsearchClient client, String index, Map<String, Property> wanted)
            throws IOException {
        Set<String> missing = new LinkedHashSet<>();
        client.indices().getMapping(g -> g.index(index)).result().values().forEach(live -> wanted.keySet().stream()
                .filter(field -> !live.mappings().properties().containsKey(field)).forEach(missing::add));
        if (!missing.isEmpty()) {
            Map<String, Property> added = new LinkedHashMap<>();
            missing.forEach(field -> added.put(field, wanted.get(field)));
            client.indices().putMapping(p -> p.index(index).properties(added));
        }
        return missing;
    }

    /** Whether the index sorts its segments by {@code field} first (index sorting, set when an index is created). */
    static boolean sortedBy(ElasticsearchClient client, String index, String field) throws IOException {
        return client.indices().getSettings(g -> g.index(index)).result().values().stream()
                .map(IndexState::settings)
                .filter(Objects::nonNull)
                .map(settings -> settings.index() != null && settings.index().sort() != null
                        ? settings.index().sort() : settings.sort())
                .anyMatch(sort -> sort != null && !sort.field().isEmpty() && sort.field().getFirst().equals(field));
    }

    /**
     * The index as its mapping resource defines it: created when missing, else given the resource's refresh
     * interval ({@link #refreshAsDefined}) and the fields it lacks ({@link #addMissingFields}), the resource read
     * once. Returns the fields added to an existing index (none for a new one).
     */
    static Set<String> createOrUpgrade(ElasticsearchClient client, String index, String mappingResource)
            throws IOException {
        if (createIfMissing(client, index, mappingResource)) {
            return Set.of();
        }
        CreateIndexRequest defined;
        try (InputStream mapping = Indices.class.getResourceAsStream(mappingResource)) {
            defined = CreateIndexRequest.of(c -> c.index(index).withJson(mapping));
        }
        if (defined.settings() != null && defined.settings().refreshInterval() != null) {
            refreshAsDefined(client, index, defined.settings().refreshInterval());
        }
        return addMissingFields(client, index, defined.mappings().properties());
    }

    /**
     * Gives an index created by an older version the refresh interval its resource defines: how soon a new document
     * becomes searchable is part of the product (messages: within a second of the 201, docs/performance.md),
     * and the interval is one of the few settings an existing index can change.
     */
    private static void refreshAsDefined(ElasticsearchClient client, String index, Time wanted) throws IOException {
        boolean same = client.indices().getSettings(g -> g.index(index)).result().values().stream()
                .map(IndexState::settings)
                .filter(Objects::nonNull)
                .map(live -> live.index() != null && live.index().refreshInterval() != null
                        ? live.index().refreshInterval() : live.refreshInterval())
                .allMatch(live -> live != null && live.time() != null && live.time().equals(wanted.time()));
        if (!same) {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(wanted)));
        }
    }
}
