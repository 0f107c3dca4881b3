package dev.chatplatform.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /applications/{token}/token}: the application gets a new token that reaches everything it holds,
 * and the old token stops working within seconds, on every API instance (each caches tokens).
 */
@ExtendWith(PlatformExtension.class)
class TokenRotationIT {

    @Test
    void theNewTokenReachesEverythingAndTheOldOneStopsWorkingEverywhereWithinSeconds(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        ChatClient other = new ChatClient(platform.secondApiUri());
        String old = client.createApp(TestData.appName("rotated"));
        long chat = client.newChat(old);
        long message = client.newMessage(old, chat, "before the rotation");
        // Both instances have the old token cached.
        assertThat(client.getChat(old, chat).status()).isEqualTo(200);
        assertThat(other.getChat(old, chat).status()).isEqualTo(200);

        ChatClient.Reply rotated = client.post("/api/v1/applications/" + old + "/token", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        String next = rotated.json().get("token").asString();
        assertThat(next).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(22);
        long at = System.nanoTime();

        for (ChatClient instance : new ChatClient[] {client, other}) {
            await("the old token refused").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> instance.getChat(old, chat).status() == 404);
        }
        log("old token refused by both instances %.1f s after the rotation", (System.nanoTime() - at) / 1e9);
        ChatClient.Reply refused = client.getChat(old, chat);
        assertThat(refused.body()).doesNotContain(old).doesNotContain(next);

        assertThat(client.getMessage(next, chat, message).json().get("body").asString()).isEqualTo("before the rotation");
        assertThat(other.getChat(next, chat).status()).isEqualTo(200);
        assertThat(client.newMessage(next, chat, "after the rotation")).isEqualTo(message + 1);
        assertThat(client.post("/api/v1/applications/" + old + "/token", Map.of()).status()).isEqualTo(404);
    }
}
