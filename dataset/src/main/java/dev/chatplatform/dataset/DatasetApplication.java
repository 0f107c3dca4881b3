package dev.chatplatform.dataset;

import dev.chatplatform.adapters.persistence.PersistenceConfiguration;
import dev.chatplatform.adapters.search.SearchConfiguration;
import dev.chatplatform.infra.redis.RedisConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.Arrays;

/**
 * The data set generator (scripts/dataset.sh, target/chat-dataset.jar): generates a realistic data set into
 * the running platform and exits. The product's own configuration (datasource, Elasticsearch client, Redis)
 * without a web server. Run by scripts/dataset.sh; options in {@link DatasetOptions}.
 */
@SpringBootApplication
@Import({PersistenceConfiguration.class, SearchConfiguration.class, RedisConfiguration.class})
public class DatasetApplication {

    public static void main(String[] args) {
        String api = System.getenv().getOrDefault("CHAT_DATASET_API",
                "http://localhost:" + System.getenv().getOrDefault("CHAT_API_PORT", "8080"));
        DatasetOptions options;
        try {
            options = DatasetOptions.parse(Arrays.asList(args), api);
        } catch (IllegalArgumentException e) {
            System.err.println("[dataset] " + e.getMessage());
            System.exit(2);
            return;
        }
        int code;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatasetApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=application", "spring.main.banner-mode=off",
                        // No web server, so no health endpoint: the readiness group's members do not exist here.
                        "management.endpoint.health.validate-group-membership=false",
                        "logging.level.root=WARN")
                .run()) {
            code = context.getBean(DatasetGenerator.class).run(options);
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }
}
