package dev.chatplatform.system;

import dev.chatplatform.infra.wire.WriteTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A command the worker can never apply is dead-lettered and counted, and the commands behind it go through. */
@ExtendWith(PlatformExtension.class)
class PoisonCommandIT {

    @Test
    void poisonCommandsGoToTheDeadLetterQueueAndTheWorkerCarriesOn(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("poison"));
        long appId = platform.truth().appId(token).orElseThrow();
        long chat = client.newChat(token);
        long deadBefore = platform.deadLetterCount();
        double countedBefore = platform.workerMetric("chat.worker.dead_lettered", null);

        // Not JSON, and JSON that breaks the domain's rules (a blank body): both are poison, not retryable. They go
        // with an older API's one-word key, to the unpartitioned persist queue the worker still drains.
        platform.publishRawCommand(WriteTopology.MESSAGE_KEY, "{not json".getBytes(StandardCharsets.UTF_8));
        platform.publishRawCommand(WriteTopology.MESSAGE_KEY, ("{\"kind\":\"message\",\"app_id\":" + appId
                + ",\"chat_number\":" + chat + ",\"number\":999,\"body\":\"   \",\"created_at\":\"2026-11-23T10:00:00Z\","
                + "\"updated_at\":\"2026-11-23T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        // An envelope (what the API's group commit sends) with a poison command between two good ones: the
        // poison goes to the dead letters alone, the others are persisted. It goes to a partition's queue.
        String good = "{\"kind\":\"message\",\"app_id\":" + appId + ",\"chat_number\":" + chat
                + ",\"number\":%d,\"body\":\"%s\",\"created_at\":\"2026-11-23T10:00:00Z\",\"updated_at\":\"2026-11-23T10:00:00Z\"}";
        platform.publishRawEnvelope(3, ("[" + good.formatted(997, "enveloped before") + ",{\"kind\":\"message\",\"app_id\":\"x\"},"
                + good.formatted(998, "enveloped after") + "]").getBytes(StandardCharsets.UTF_8));
        long after = client.newMessage(token, chat, "posted behind the poison");

        await("the message behind the poison is persisted").atMost(Duration.ofSeconds(60))
                .until(() -> platform.truth().messageBody(appId, chat, after).isPresent());
        // Each poison command reaches the persist queue only (the index queue takes what the worker
        // persisted): three dead letters in all.
        await("poison dead-lettered").atMost(Duration.ofSeconds(60))
                .until(() -> platform.deadLetterCount() - deadBefore == 3);
        double counted = platform.workerMetric("chat.worker.dead_lettered", null) - countedBefore;
        log("poison: %d dead letters, %.0f counted by the worker; the message behind them was persisted",
                platform.deadLetterCount() - deadBefore, counted);
        assertThat(counted).isEqualTo(3);
        assertThat(platform.truth().messageBody(appId, chat, 999)).isEmpty();
        assertThat(platform.truth().messageBody(appId, chat, 997)).contains("enveloped before");
        assertThat(platform.truth().messageBody(appId, chat, 998)).contains("enveloped after");
    }
}
