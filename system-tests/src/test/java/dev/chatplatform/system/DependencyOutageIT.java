package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dependency that stops answering gets a 503 with Retry-After, and the API recovers without a restart. */
@ExtendWith(PlatformExtension.class)
class DependencyOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @Test
    void whileRedisHangsCreatesAnswer503WithRetryAfterAndReadsStillAnswerThenTheApiRecoversByItself(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("outage"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        long before = client.newMessage(token, chat, "written before the outage");
        await("message persisted").atMost(Duration.ofSeconds(60))
                .until(() -> platform.truth().messageBody(appId, chat, before).isPresent());

        long outageStarted = System.nanoTime();
        platform.hangRedis(OUTAGE);
        Reply duringOutage = client.postMessage(token, chat, "posted while Redis hangs");
        Reply readDuringOutage = client.getMessage(token, chat, before);
        log("redis hung: POST answered %d (Retry-After %s), GET answered %d, %.1f s into the outage",
                duringOutage.status(), duringOutage.headers().firstValue("Retry-After").orElse("-"),
                readDuringOutage.status(), Platform.seconds(outageStarted));

        assertThat(duringOutage.status()).isEqualTo(503);
        assertThat(duringOutage.contentType()).startsWith("application/problem+json");
        assertThat(duringOutage.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(readDuringOutage.status()).as("reads fall back to the database").isEqualTo(200);
        assertThat(readDuringOutage.json().path("body").asString()).isEqualTo("written before the outage");

        await("the API accepts writes again, without a restart").atMost(OUTAGE.plusSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.postMessage(token, chat, "posted after the outage").status() == 201);
        log("redis answered again; first 201 %.1f s after the outage began", Platform.seconds(outageStarted));
        assertThat(client.listMessages(token, chat, "").json().path("data").size()).isGreaterThanOrEqualTo(2);
    }
}
