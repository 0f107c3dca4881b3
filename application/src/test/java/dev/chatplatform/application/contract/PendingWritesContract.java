package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.T0;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link PendingWrites}' Javadoc promises, for the fake and for Redis. */
public abstract class PendingWritesContract extends PortContract {

    /** The pending writes under test; called once per test. */
    protected abstract PendingWrites pendingWrites();

    private PendingWrites pending;

    private PendingWrites subject() {
        if (pending == null) {
            pending = pendingWrites();
        }
        return pending;
    }

    @Test
    void chatPutIsFoundAsItWasPut() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).numbered(3).titled("Billing").build();

        subject().put(chat);

        assertThat(subject().findChat(app, ChatNumber.of(3))).contains(chat);
    }

    @Test
    void untitledChatRoundTrips() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).untitled().build();

        subject().put(chat);

        assertThat(subject().findChat(app, chat.number())).contains(chat);
    }

    @Test
    void nothingPendingIsFoundEmpty() {
        AppId app = newApp();

        assertThat(subject().findChat(app, ChatNumber.of(1))).isEmpty();
        assertThat(subject().findMessage(app, ChatNumber.of(1), MessageNumber.of(1))).isEmpty();
        assertThat(subject().messagesBetween(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void messagePutIsFoundAsItWasPut() {
        AppId app = newApp();
        Message message = aMessage().in(app, 2).numbered(5).withBody("Grüße 👋 \"quoted\" \\ back\nslash").build();

        subject().put(message);

        assertThat(subject().findMessage(app, ChatNumber.of(2), MessageNumber.of(5))).contains(message);
    }

    @Test
    void aNewerPutReplacesThePendingState() {
        AppId app = newApp();
        Message posted = aMessage().inApp(app).withBody("first").build();
        Message edited = posted.edit(new MessageBody("second"), secondsAfterT0(5));

        subject().put(posted);
        subject().put(edited);

        assertThat(subject().findMessage(app, posted.chatNumber(), posted.number())).contains(edited);
    }

    @Test
    void settlingThePersistedStateRemovesIt() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).build();
        Message message = aMessage().inApp(app).build();
        subject().put(chat);
        subject().put(message);

        subject().settleChats(List.of(chat));
        subject().settleMessages(List.of(message));

        assertThat(subject().findChat(app, chat.number())).isEmpty();
        assertThat(subject().findMessage(app, message.chatNumber(), message.number())).isEmpty();
        assertThat(subject().messagesBetween(app, message.chatNumber(), 0, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void aNewerChatStateStaysPendingAfterAnOlderOneIsSettled() {
        AppId app = newApp();
        Chat opened = aChat().inApp(app).titled("Old").build();
        Chat retitled = opened.retitle(new ChatTitle("New"), secondsAfterT0(1));
        subject().put(opened);
        subject().put(retitled);

        subject().settleChats(List.of(opened));

        assertThat(subject().findChat(app, opened.number())).contains(retitled);
    }

    @Test
    void aNewerMessageStateStaysPendingAfterAnOlderOneIsSettled() {
        AppId app = newApp();
        Message posted = aMessage().inApp(app).withBody("typo").build();
        Message edited = posted.edit(new MessageBody("fixed"), secondsAfterT0(1));
        subject().put(posted);
        subject().put(edited);

        subject().settleMessages(List.of(posted));

        assertThat(subject().findMessage(app, posted.chatNumber(), posted.number())).contains(edited);
        assertThat(subject().messagesBetween(app, posted.chatNumber(), 0, Long.MAX_VALUE, 10)).containsExactly(edited);
    }

    @Test
    void settlingWhatIsNotPendingChangesNothing() {
        AppId app = newApp();
        Message pendingOne = aMessage().inApp(app).numbered(1).build();
        subject().put(pendingOne);

        subject().settleMessages(List.of(aMessage().inApp(app).numbered(2).build()));
        subject().settleChats(List.of(aChat().inApp(app).build()));

        assertThat(subject().findMessage(app, pendingOne.chatNumber(), pendingOne.number())).contains(pendingOne);
    }

    @Test
    void settlingABatchSettlesEachOfItsMessages() {
        AppId app = newApp();
        List<Message> batch = LongStream.rangeClosed(1, 5)
                .mapToObj(n -> aMessage().in(app, n % 2 + 1).numbered(n).createdAt(secondsAfterT0(n)).build())
                .toList();
        batch.forEach(subject()::put);

        subject().settleMessages(batch);

        for (Message message : batch) {
            assertThat(subject().findMessage(app, message.chatNumber(), message.number())).isEmpty();
        }
    }

    @Test
    void messagesBelowAreNewestFirstStrictlyBelowAndAtMostTheLimit() {
        AppId app = newApp();
        for (long n = 1; n <= 10; n++) {
            subject().put(aMessage().in(app, 1).numbered(n).createdAt(T0.plus(Duration.ofSeconds(n))).build());
        }

        assertThat(numbers(subject().messagesBetween(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 3))).containsExactly(10L, 9L, 8L);
        assertThat(numbers(subject().messagesBetween(app, ChatNumber.of(1), 0, 8, 3))).containsExactly(7L, 6L, 5L);
        assertThat(numbers(subject().messagesBetween(app, ChatNumber.of(1), 0, 3, 100))).containsExactly(2L, 1L);
        assertThat(subject().messagesBetween(app, ChatNumber.of(1), 0, 1, 100)).isEmpty();
    }

    @Test
    void messagesBelowSkipsSettledNumbers() {
        AppId app = newApp();
        List<Message> messages = LongStream.rangeClosed(1, 6)
                .mapToObj(n -> aMessage().in(app, 1).numbered(n).build()).toList();
        messages.forEach(subject()::put);

        subject().settleMessages(List.of(messages.get(5), messages.get(3)));

        assertThat(numbers(subject().messagesBetween(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 3))).containsExactly(5L, 3L, 2L);
    }

    @Test
    void otherChatsAndApplicationsAreNeverSeen() {
        AppId app = newApp();
        AppId otherApp = newApp();
        subject().put(aMessage().in(app, 1).numbered(1).withBody("mine").build());
        subject().put(aMessage().in(app, 2).numbered(2).withBody("other chat").build());
        subject().put(aMessage().in(otherApp, 1).numbered(3).withBody("other app").build());
        subject().put(aChat().inApp(otherApp).numbered(1).build());

        assertThat(subject().messagesBetween(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 10))
                .extracting(m -> m.body().value()).containsExactly("mine");
        assertThat(subject().findMessage(app, ChatNumber.of(1), MessageNumber.of(3))).isEmpty();
        assertThat(subject().findChat(app, ChatNumber.of(1))).isEmpty();
    }

    private static List<Long> numbers(List<Message> messages) {
        return messages.stream().map(m -> m.number().value()).toList();
    }
}
