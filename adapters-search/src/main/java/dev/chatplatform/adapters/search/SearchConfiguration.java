package dev.chatplatform.adapters.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch adapter as a process imports it: the client, the message index and its health check.
 * The 8.19 client is wired by hand: Boot 4 manages the 9.x client, which an 8.19 server refuses.
 * See docs/decisions/0004-elasticsearch-client.md.
 */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(@Value("${chat.elasticsearch.url}") String url,
                                       ObjectProvider<MeterRegistry> meters) {
        SearchTimings timings = new SearchTimings(meters.getIfAvailable(SimpleMeterRegistry::new));
        return RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(config -> config.setConnectTimeout(2_000).setSocketTimeout(30_000))
                .setHttpClientConfigCallback(timings::instrument)
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    @Bean
    ElasticsearchMessageIndex messageSearchIndex(ElasticsearchClient client,
                                                 @Value("${chat.elasticsearch.index:messages}") String index) {
        return new ElasticsearchMessageIndex(client, index);
    }

    /** Chat documents for the inbox's q, in an index of their own ({@code <messages index>-chats} by default). */
    @Bean
    ElasticsearchChatIndex chatSearchIndex(ElasticsearchClient client,
                                           @Value("${chat.elasticsearch.chats-index}") String index) {
        return new ElasticsearchChatIndex(client, index);
    }

    /** The test distribution answers 405 to GET /, so ping() cannot serve as the health check. */
    @Bean
    HealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return () -> {
            try {
                HealthStatus status = client.cluster().health().status();
                return status == HealthStatus.Red ? Health.down().withDetail("status", "red").build()
                        : Health.up().withDetail("status", status.jsonValue()).build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
