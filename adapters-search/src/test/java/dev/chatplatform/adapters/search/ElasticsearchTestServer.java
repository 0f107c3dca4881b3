package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.time.Duration;

/**
 * The Elasticsearch the contract tests run against: a container when Docker is available, otherwise
 * the node at CHAT_ES_URL (scripts/services.sh). Tests use indices with a random suffix and delete them.
 */
final class ElasticsearchTestServer {

    private static GenericContainer<?> container;

    private ElasticsearchTestServer() {
    }

    static synchronized ElasticsearchClient connect() {
        String url;
        if (DockerClientFactory.instance().isDockerAvailable()) {
            if (container == null) {
                container = new GenericContainer<>("docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                        .withEnv("discovery.type", "single-node")
                        .withEnv("xpack.security.enabled", "false")
                        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                        .withExposedPorts(9200)
                        .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow").forPort(9200)
                                .withStartupTimeout(Duration.ofMinutes(3)));
                container.start();
            }
            url = "http://" + container.getHost() + ":" + container.getMappedPort(9200);
        } else {
            String fromEnv = System.getenv("CHAT_ES_URL");
            url = fromEnv == null || fromEnv.isBlank() ? "http://127.0.0.1:9200" : fromEnv;
        }
        RestClient rest = RestClient.builder(HttpHost.create(url)).build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }
}
