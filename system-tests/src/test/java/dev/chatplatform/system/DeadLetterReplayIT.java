package dev.chatplatform.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The runbook's dead-letter replay (docs/operations.md, scripts/dead-letters.sh): a write that sits in the
 * dead-letter queue is moved back to the write exchange by RabbitMQ's shovel, and the worker applies it.
 */
@ExtendWith(PlatformExtension.class)
class DeadLetterReplayIT {

    private static final Path SCRIPT = Path.of(System.getProperty("chat.scripts.dir", "../scripts"), "dead-letters.sh");

    @Test
    void aReplayedDeadLetterIsPersistedByTheWorker(Platform platform) throws IOException, InterruptedException {
        assumeThat("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/rabbitmqctl")))
                .as("the script runs rabbitmqctl as the broker's user: root and Debian's rabbitmq-server").isTrue();
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("replayed"));
        long app = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        // A good command that had been dead-lettered (say while a bug in the worker refused it).
        platform.publishDeadLetter(("{\"kind\":\"message\",\"app_id\":" + app + ",\"chat_number\":" + chat
                + ",\"number\":1,\"body\":\"back from the dead letters\",\"created_at\":\"2026-11-23T10:00:00Z\","
                + "\"updated_at\":\"2026-11-23T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(platform.deadLetterCount()).isPositive();
        // rabbitmqctl's count of a quorum queue is the broker's statistics, emitted every few seconds: the script
        // sees the dead letter once they are (and a replay of a queue it counts empty does nothing).
        await("the script counts the dead letter").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> scriptCount(platform) >= 1);

        String replayed = run(platform, "replay");
        log("dead-letters.sh replay: %s", replayed.strip().replace('\n', ' '));

        await("the replayed command persisted").atMost(Duration.ofSeconds(60))
                .until(() -> platform.truth().messageCount(app, chat) == 1);
        String left = run(platform, "peek 20");
        log("dead letters after the replay: %s", left.strip().replace('\n', ' '));
        assertThat(left).as("the replayed command left the dead letters").doesNotContain("back from the dead letters");
        assertThat(client.getMessage(token, chat, 1).json().get("body").asString()).isEqualTo("back from the dead letters");
    }

    private static java.util.List<String> command(String command) {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("bash", SCRIPT.toString()));
        line.addAll(java.util.List.of(command.split(" ")));
        return line;
    }

    private static long scriptCount(Platform platform) throws IOException, InterruptedException {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+)\\s*$").matcher(run(platform, "count").strip());
        assertThat(count.find()).as("count prints a number").isTrue();
        return Long.parseLong(count.group(1));
    }

    private static String run(Platform platform, String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(command)).redirectErrorStream(true);
        builder.environment().put("CHAT_RABBIT_VHOST", platform.rabbitVhost());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }
}
