package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first page of a chat is served from Redis (the recent-messages cache). With Redis hung, the same
 * page comes from MySQL and says the same; readiness reports the degradation, liveness stays up.
 */
@ExtendWith(PlatformExtension.class)
class ReadsWithoutRedisIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @Test
    void withRedisHungTheFirstPageAnswersTheSameFromMysqlAndReadinessSaysDegraded(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("no-redis"));
        long chat = client.newChat(token, null, List.of("alice", "bob"));
        long first = client.postMessageAs(token, chat, "one", "alice").number();
        client.postMessageAs(token, chat, "two", "bob");
        client.react(token, chat, first, "bob", "like", 3);
        long appId = platform.truth().appId(token).orElseThrow();
        await("persisted").atMost(Duration.ofSeconds(60))
                .until(() -> platform.truth().reactionScoreTotal(appId, chat, first) == 3
                        && platform.truth().messageCount(appId, chat) == 2);
        JsonNode cached = client.listMessages(token, chat, "").json().get("data");
        JsonNode cachedAgain = client.listMessages(token, chat, "").json().get("data");

        platform.hangRedis(OUTAGE);
        Reply duringOutage = client.listMessages(token, chat, "");
        ChatClient management = new ChatClient(platform.apiManagementUri());
        Reply readiness = management.get("/actuator/health/readiness");
        Reply liveness = management.get("/actuator/health/liveness");
        log("redis hung: list %d, readiness %d %s, liveness %d", duringOutage.status(), readiness.status(),
                readiness.body(), liveness.status());

        assertThat(cachedAgain).isEqualTo(cached);
        assertThat(duringOutage.status()).isEqualTo(200);
        assertThat(duringOutage.json().get("data")).isEqualTo(cached);
        assertThat(cached.get(1).get("reaction_scores").get("like").asLong()).isEqualTo(3);
        assertThat(readiness.json().get("status").asString()).isNotEqualTo("UP");
        assertThat(readiness.body()).contains("redis");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        await("readiness recovers by itself").atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> "UP".equals(management.get("/actuator/health/readiness").json().get("status").asString()));
    }
}
