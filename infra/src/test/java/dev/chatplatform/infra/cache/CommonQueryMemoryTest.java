package dev.chatplatform.infra.cache;

import dev.chatplatform.application.fakes.FakeMessageSearchIndex;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommonQueryMemoryTest {

    private static final AppId APP = new AppId(1);
    private static final AppId OTHER_APP = new AppId(2);

    private final FakeMessageSearchIndex index = new FakeMessageSearchIndex();

    private void post(AppId app, long chat, long number, String body) {
        index.indexAll(List.of(new Message(app, new ChatNumber(chat), new MessageNumber(number),
                new MessageBody(body), Instant.EPOCH, Instant.EPOCH)));
    }

    @Test
    void aCommonQueryIsAskedOnceAndStaysCommon() {
        CommonQueryMemory memory = new CommonQueryMemory(index, 100, Duration.ofMinutes(10));
        for (int i = 1; i <= 3; i++) {
            post(APP, i, 1, "hello there");
        }

        for (int i = 0; i < 5; i++) {
            assertThat(memory.allChatsMentioning(APP, "hello", 2)).as("three messages match, two at most").isEmpty();
        }

        assertThat(index.mentionCounts()).isEqualTo(1);
    }

    @Test
    void aRareQueryIsAskedEveryTimeSoItsListStaysCurrent() {
        CommonQueryMemory memory = new CommonQueryMemory(index, 100, Duration.ofMinutes(10));
        post(APP, 1, 1, "a rare word");

        assertThat(memory.allChatsMentioning(APP, "rare", 2)).contains(Set.of(new ChatNumber(1)));
        post(APP, 2, 1, "rare again");
        assertThat(memory.allChatsMentioning(APP, "rare", 2)).contains(Set.of(new ChatNumber(1), new ChatNumber(2)));

        assertThat(index.mentionCounts()).isEqualTo(2);
    }

    @Test
    void oneApplicationsCommonQueryIsNotAnothers() {
        CommonQueryMemory memory = new CommonQueryMemory(index, 100, Duration.ofMinutes(10));
        for (int i = 1; i <= 3; i++) {
            post(APP, i, 1, "hello");
        }
        post(OTHER_APP, 1, 1, "hello");

        assertThat(memory.allChatsMentioning(APP, "hello", 2)).isEmpty();
        assertThat(memory.allChatsMentioning(OTHER_APP, "hello", 2)).contains(Set.of(new ChatNumber(1)));
    }

    @Test
    void aRememberedVerdictIsAskedAgainOnceItsTimeIsOver() {
        CommonQueryMemory memory = new CommonQueryMemory(index, 100, Duration.ofMillis(50));
        for (int i = 1; i <= 3; i++) {
            post(APP, i, 1, "hello");
        }
        assertThat(memory.allChatsMentioning(APP, "hello", 2)).isEmpty();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            memory.allChatsMentioning(APP, "hello", 2);
            assertThat(index.mentionCounts()).isGreaterThan(1);
        });
    }
}
