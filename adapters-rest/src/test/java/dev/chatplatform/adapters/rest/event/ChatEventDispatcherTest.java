package dev.chatplatform.adapters.rest.event;

import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase.Subscription;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ChatEventDispatcherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AppId APP = new AppId(7);
    private static final Subscription CHAT = new Subscription(APP, new ChatNumber(3));
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final AtomicLong now = new AtomicLong();
    private final ChatEventDispatcher dispatcher = new ChatEventDispatcher(Duration.ofMillis(250), now::get);
    private final Recording subscriber = new Recording();

    @Test
    void givenNoReorderWindow_thenEveryEventIsSentAsItComes() {
        ChatEventDispatcher passThrough = new ChatEventDispatcher(Duration.ZERO, now::get);
        passThrough.subscribe(CHAT, subscriber);

        passThrough.dispatch(List.of(created(5), created(3), created(4)));

        assertThat(subscriber.numbers()).containsExactly(5L, 3L, 4L);
    }

    @Test
    void givenAFirstEvent_whenTheWindowEnds_thenItIsReleased() {
        dispatcher.subscribe(CHAT, subscriber);

        dispatcher.dispatch(List.of(created(1)));
        assertThat(subscriber.numbers()).isEmpty();

        advance(Duration.ofMillis(250));
        assertThat(subscriber.numbers()).containsExactly(1L);
    }

    @Test
    void aChatHasSubscribersFromTheFirstSubscriptionToTheLastUnsubscription() {
        assertThat(dispatcher.hasSubscribers(APP, CHAT.chat())).isFalse();
        dispatcher.subscribe(CHAT, subscriber, 0);
        assertThat(dispatcher.hasSubscribers(APP, CHAT.chat())).isTrue();
        assertThat(dispatcher.hasSubscribers(APP, new ChatNumber(4))).isFalse();
        dispatcher.unsubscribe(CHAT, subscriber);
        assertThat(dispatcher.hasSubscribers(APP, CHAT.chat())).isFalse();
    }

    @Test
    void givenTheNewestNumberAtSubscription_whenTheNextMessageArrives_thenItIsSentAtOnce() {
        dispatcher.subscribe(CHAT, subscriber, 41);

        dispatcher.dispatch(List.of(created(42)));

        assertThat(subscriber.numbers()).containsExactly(42L);
    }

    @Test
    void givenAnEmptyChatAtSubscription_whenItsSecondMessageComesFirst_thenItWaitsForTheFirst() {
        dispatcher.subscribe(CHAT, subscriber, 0);

        dispatcher.dispatch(List.of(created(2)));
        assertThat(subscriber.numbers()).isEmpty();
        dispatcher.dispatch(List.of(created(1)));

        assertThat(subscriber.numbers()).containsExactly(1L, 2L);
    }

    @Test
    void givenAChatWhoseOrderIsKnown_whenAnotherSubscriberArrives_thenTheKnownOrderStands() {
        dispatcher.subscribe(CHAT, subscriber, 5);
        dispatcher.dispatch(List.of(created(7)));

        dispatcher.subscribe(CHAT, new Recording(), 7);
        dispatcher.dispatch(List.of(created(6)));

        assertThat(subscriber.numbers()).containsExactly(6L, 7L);
    }

    @Test
    void givenInterleavedBatches_whenDispatched_thenMessagesArriveInNumberOrder() {
        dispatcher.subscribe(CHAT, subscriber);
        dispatcher.dispatch(List.of(created(1)));
        advance(Duration.ofMillis(250));

        dispatcher.dispatch(List.of(created(4), created(5)));
        dispatcher.dispatch(List.of(created(2), created(3)));

        assertThat(subscriber.numbers()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void givenANumberThatNeverComes_whenTheWindowEnds_thenTheRestIsReleasedInOrder() {
        dispatcher.subscribe(CHAT, subscriber);
        dispatcher.dispatch(List.of(created(1)));
        advance(Duration.ofMillis(250));

        dispatcher.dispatch(List.of(created(4), created(3)));
        advance(Duration.ofMillis(249));
        assertThat(subscriber.numbers()).containsExactly(1L);

        advance(Duration.ofMillis(1));
        assertThat(subscriber.numbers()).containsExactly(1L, 3L, 4L);
        dispatcher.dispatch(List.of(created(5)));
        assertThat(subscriber.numbers()).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void givenHeldMessages_whenOtherEventsArrive_thenTheyFollowTheHeldOnes() {
        dispatcher.subscribe(CHAT, subscriber);
        dispatcher.dispatch(List.of(created(1)));
        advance(Duration.ofMillis(250));

        dispatcher.dispatch(List.of(created(3), receipt(3)));
        dispatcher.dispatch(List.of(created(2)));

        assertThat(subscriber.types()).containsExactly("message.created", "message.created", "message.created",
                "receipt.updated");
        assertThat(subscriber.numbers()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void givenARedeliveredMessage_whenDispatched_thenItIsSentAgainAtOnce() {
        dispatcher.subscribe(CHAT, subscriber);
        dispatcher.dispatch(List.of(created(1)));
        advance(Duration.ofMillis(250));

        dispatcher.dispatch(List.of(created(1)));

        assertThat(subscriber.numbers()).containsExactly(1L, 1L);
    }

    @Test
    void eventsOfOtherChatsOrAppsReachNobodyHere() {
        dispatcher.subscribe(CHAT, subscriber);

        dispatcher.dispatch(List.of(new ChatEvent.MessageChanged(message(new AppId(8), 3, 1)),
                new ChatEvent.MessageChanged(message(APP, 4, 1))));
        advance(Duration.ofSeconds(1));

        assertThat(subscriber.frames).isEmpty();
    }

    @Test
    void anUnsubscribedSubscriberGetsNothingMore() {
        dispatcher.subscribe(CHAT, subscriber);
        dispatcher.unsubscribe(CHAT, subscriber);

        dispatcher.dispatch(List.of(created(1)));
        advance(Duration.ofSeconds(1));

        assertThat(subscriber.frames).isEmpty();
        assertThat(dispatcher.subscriberCount()).isZero();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
        dispatcher.releaseOverdue();
    }

    private static ChatEvent created(long number) {
        return new ChatEvent.MessageChanged(message(APP, 3, number));
    }

    private static ChatEvent receipt(long upTo) {
        return new ChatEvent.ReceiptChanged(new Receipt(APP, new ChatNumber(3), new UserId("bob"), upTo, upTo, T0));
    }

    private static Message message(AppId app, long chat, long number) {
        return new Message(app, new ChatNumber(chat), new MessageNumber(number), new MessageBody("m" + number), T0, T0);
    }

    private static final class Recording implements Subscriber {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(TextMessage frame) {
            frames.add(JSON.readTree(frame.getPayload()));
        }

        List<Long> numbers() {
            return frames.stream().filter(f -> f.get("type").asString().startsWith("message."))
                    .map(f -> f.get("message_number").asLong()).toList();
        }

        List<String> types() {
            return frames.stream().map(f -> f.get("type").asString()).toList();
        }
    }
}
