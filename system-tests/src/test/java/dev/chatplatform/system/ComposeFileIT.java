package dev.chatplatform.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on the build machines, so docker-compose.yml cannot be started here. Debian's
 * docker-compose 1.29 still parses it offline (schema, variables, depends_on conditions): this keeps the
 * file from rotting. scripts/test.sh installs docker-compose.
 */
class ComposeFileIT {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @Test
    void composeFileIsValidAndStartsTheWholeStack() throws IOException, InterruptedException {
        String config = run("docker-compose", "-f", COMPOSE_FILE.toString(), "config");

        assertThat(config).contains("mysql:8.4", "redis:7", "rabbitmq:3", "elasticsearch:8.19",
                "condition: service_healthy", "CHAT_ROLE: api", "CHAT_ROLE: worker", "--appendonly");
    }

    @Test
    void composeDefinesAHealthCheckForEveryService() throws IOException, InterruptedException {
        String services = run("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "--services").strip();
        String config = run("docker-compose", "-f", COMPOSE_FILE.toString(), "config");

        // The platform's six, and Prometheus and Grafana in the observability profile (docs/operations.md).
        assertThat(services.split("\\s+")).containsExactlyInAnyOrder("mysql", "redis", "rabbitmq", "elasticsearch",
                "api", "worker", "prometheus", "grafana");
        assertThat(config.split("healthcheck:", -1).length - 1).isEqualTo(8);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
