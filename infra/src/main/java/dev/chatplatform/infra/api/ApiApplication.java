package dev.chatplatform.infra.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The API process: HTTP in, numbers from Redis, commands to RabbitMQ. Reads config from
 * application.yml and api.yml.
 */
@SpringBootApplication(scanBasePackages = {
        "dev.chatplatform.infra.config", "dev.chatplatform.infra.redis", "dev.chatplatform.infra.rabbit",
        "dev.chatplatform.infra.cache", "dev.chatplatform.infra.health", "dev.chatplatform.adapters.persistence", "dev.chatplatform.adapters.rest",
        "dev.chatplatform.infra.api"})
public class ApiApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ApiApplication.class).properties("spring.config.name=application,api").run(args);
    }
}
