package dev.chatplatform.application.service;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateMessageUseCase.Command;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateMessageServiceTest {

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final App app = platform.anApp();
    private final Chat chat = platform.aChat(app);

    @Test
    void answerIsTheStateThatWasPublished() {
        platform.clock.set(Instant.parse("2026-11-23T10:00:00.123456789Z"));

        Message created = platform.createMessage.create(new Command(app.token(), chat.number(), new MessageBody("Hi!"))).message();

        assertThat(created.appId()).isEqualTo(app.id());
        assertThat(created.chatNumber()).isEqualTo(chat.number());
        assertThat(created.number()).isEqualTo(MessageNumber.of(1));
        assertThat(created.body()).isEqualTo(new MessageBody("Hi!"));
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z")).isEqualTo(created.updatedAt());
        assertThat(platform.queue.publishedMessages()).containsExactly(created);
    }

    @Test
    void concurrentPostsToAChatAreSentToTheQueueInNumberOrder() throws Exception {
        int posts = 2_000;
        try (var posters = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < posts; i++) {
                int n = i;
                posters.submit(() -> platform.post(app, chat, "post " + n));
            }
        }

        assertThat(platform.queue.publishedMessages()).extracting(m -> m.number().value())
                .isEqualTo(LongStream.rangeClosed(1, posts).boxed().toList());
    }

    @Test
    void messageNumbersStartAtOneInEachChatAndCountUp() {
        Chat otherChat = platform.aChat(app);

        assertThat(platform.post(app, chat, "a").number().value()).isEqualTo(1);
        assertThat(platform.post(app, chat, "b").number().value()).isEqualTo(2);
        assertThat(platform.post(app, otherChat, "c").number().value()).isEqualTo(1);
        assertThat(platform.post(app, chat, "d").number().value()).isEqualTo(3);
    }

    @Test
    void whenTheQueueFailsNothingIsPendingAndTheFailurePropagates() {
        platform.queue.outage().start();

        assertThatThrownBy(() -> platform.post(app, chat, "lost?")).isInstanceOf(DependencyUnavailableException.class);

        assertThat(platform.pending.all()).containsOnly(chat);
        assertThat(platform.listMessages.list(app.token(), chat.number(), MessageRange.ALL, PageRequest.of(null, null)).items().stream().map(MessageView::message).toList()).isEmpty();
    }

    @Test
    void aConfirmedMessageIsAcknowledgedEvenWhenItsPendingCopyCannotBeKept() {
        platform.pending.outage().start();

        Message created = platform.post(app, chat, "durable already");

        assertThat(platform.queue.publishedMessages()).containsExactly(created);
        platform.pending.outage().end();
        platform.runWorker();
        assertThat(platform.getMessage.get(app.token(), chat.number(), created.number()).message()).isEqualTo(created);
    }

    @Test
    void acknowledgedMessageIsReadableAtOnceBeforeTheWorkerPersistsIt() {
        Message created = platform.post(app, chat, "read your writes");

        assertThat(platform.messages.find(app.id(), chat.number(), created.number())).isEmpty();
        assertThat(platform.getMessage.get(app.token(), chat.number(), created.number()).message()).isEqualTo(created);
        assertThat(platform.listMessages.list(app.token(), chat.number(), MessageRange.ALL, PageRequest.of(null, null)).items().stream().map(MessageView::message).toList())
                .containsExactly(created);
    }

    @Test
    void messageStaysReadableAfterTheWorkerPersistsIt() {
        Message created = platform.post(app, chat, "persisted");

        platform.runWorker();

        assertThat(platform.pending.all()).isEmpty();
        assertThat(platform.getMessage.get(app.token(), chat.number(), created.number()).message()).isEqualTo(created);
    }

    @Test
    void unknownTokenIsNotFound() {
        assertThatThrownBy(() -> platform.createMessage.create(
                new Command(AppToken.generate(), chat.number(), new MessageBody("hello"))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("application"));
        assertThat(platform.queue.publishedMessages()).isEmpty();
    }

    @Test
    void messageToAChatThatDoesNotExistIsNotFoundAndNothingIsPublished() {
        assertThatThrownBy(() -> platform.createMessage.create(
                new Command(app.token(), ChatNumber.of(99), new MessageBody("hello"))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("chat"));
        assertThat(platform.queue.publishedMessages()).isEmpty();
    }

    @Test
    void messageToAChatStillPendingWhoseCounterWasLostGetsANumberThatWasNeverUsed() {
        Message first = platform.post(app, chat, "before the loss");
        platform.counter.loseEverything();

        Message second = platform.post(app, chat, "after the loss");

        assertThat(second.number().value()).isGreaterThan(first.number().value());
    }

    @Test
    void messageToAPersistedChatWhoseCounterWasLostGetsANumberThatWasNeverUsed() {
        Message first = platform.post(app, chat, "before the loss");
        platform.runWorker();
        platform.counter.loseEverything();

        Message second = platform.post(app, chat, "after the loss");

        assertThat(second.number().value()).isGreaterThan(first.number().value());
        assertThat(platform.getMessage.get(app.token(), chat.number(), first.number()).message().body().value())
                .isEqualTo("before the loss");
    }
}
