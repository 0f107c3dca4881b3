package dev.chatplatform.infra.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The worker process: consumes write commands, persists them to MySQL, indexes them in Elasticsearch
 * and reconciles counts. Reads config from application.yml and worker.yml.
 */
@EnableScheduling
@SpringBootApplication(scanBasePackages = {
        "dev.chatplatform.infra.config", "dev.chatplatform.infra.redis", "dev.chatplatform.infra.rabbit",
        "dev.chatplatform.infra.cache", "dev.chatplatform.infra.health", "dev.chatplatform.infra.worker", "dev.chatplatform.adapters.persistence",
        "dev.chatplatform.worker"})
public class WorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(WorkerApplication.class).properties("spring.config.name=application,worker").run(args);
    }
}
