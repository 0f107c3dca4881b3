package dev.chatplatform.application.contract;

import dev.chatplatform.domain.message.MessageRange;

import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link MessageStore}'s Javadoc promises, for the fake and for MySQL. */
public abstract class MessageStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract MessageStore messageStore();

    /** The chat store over the same data, to see the chats' latest activity a save records. */
    protected abstract ChatStore chatStore();

    private MessageStore store;

    private MessageStore subject() {
        if (store == null) {
            store = messageStore();
        }
        return store;
    }

    @Test
    void messageNeverSavedIsNotFound() {
        assertThat(subject().find(newApp(), ChatNumber.of(1), MessageNumber.of(1))).isEmpty();
    }

    @Test
    void savedMessageIsFoundAsItWasSaved() {
        AppId app = newApp();
        Message message = aMessage().in(app, 4).numbered(9).withBody("Grüße 👋 — 'quotes' \"and\" \\ 100% _").build();

        subject().saveAll(List.of(message));

        assertThat(subject().find(app, ChatNumber.of(4), MessageNumber.of(9))).contains(message);
    }

    @Test
    void longestBodyRoundTripsExactly() {
        AppId app = newApp();
        String body = "😀ab".repeat(MessageBody.MAX_LENGTH / 4 - 1) + "ende";
        Message message = aMessage().inApp(app).withBody(body).build();

        subject().saveAll(List.of(message));

        assertThat(subject().find(app, message.chatNumber(), message.number()).orElseThrow().body().value())
                .hasSize(MessageBody.MAX_LENGTH).isEqualTo(body);
    }

    @Test
    void aMessageMayBeStoredBeforeItsChat() {
        AppId app = newApp();
        Message message = aMessage().in(app, 77).build();

        subject().saveAll(List.of(message));

        assertThat(subject().find(app, ChatNumber.of(77), message.number())).contains(message);
    }

    @Test
    void savingTheSameStateAgainChangesNothing() {
        AppId app = newApp();
        Message message = aMessage().inApp(app).build();

        subject().saveAll(List.of(message));
        subject().saveAll(List.of(message));
        subject().saveAll(List.of(message, message));

        assertThat(subject().find(app, message.chatNumber(), message.number())).contains(message);
        assertThat(subject().page(app, message.chatNumber(), MessageRange.ALL.below(Long.MAX_VALUE), 10)).containsExactly(message);
    }

    @Test
    void aNewerStateReplacesTheBody() {
        AppId app = newApp();
        Message posted = aMessage().inApp(app).withBody("tpyo").build();
        Message edited = posted.edit(new MessageBody("typo"), secondsAfterT0(2));

        subject().saveAll(List.of(posted));
        subject().saveAll(List.of(edited));

        assertThat(subject().find(app, posted.chatNumber(), posted.number())).contains(edited);
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() {
        AppId app = newApp();
        Message posted = aMessage().inApp(app).withBody("first").build();
        Message edited = posted.edit(new MessageBody("second"), secondsAfterT0(2));

        subject().saveAll(List.of(edited));
        subject().saveAll(List.of(posted));

        assertThat(subject().find(app, posted.chatNumber(), posted.number())).contains(edited);
    }

    @Test
    void withinOneBatchTheNewestStateWinsWhateverItsPlace() {
        AppId app = newApp();
        Message first = aMessage().inApp(app).numbered(1).withBody("v1").build();
        Message firstEdited = first.edit(new MessageBody("v2"), secondsAfterT0(1));
        Message second = aMessage().inApp(app).numbered(2).withBody("v1").build();
        Message secondEdited = second.edit(new MessageBody("v2"), secondsAfterT0(1));

        subject().saveAll(List.of(first, firstEdited, secondEdited, second));

        assertThat(subject().find(app, first.chatNumber(), first.number())).contains(firstEdited);
        assertThat(subject().find(app, second.chatNumber(), second.number())).contains(secondEdited);
    }

    @Test
    void pageIsNewestFirstStrictlyBelowTheNumberAndAtMostTheLimit() {
        AppId app = newApp();
        subject().saveAll(LongStream.rangeClosed(1, 10)
                .mapToObj(n -> aMessage().in(app, 1).numbered(n).createdAt(secondsAfterT0(n)).build()).toList());

        assertThat(numbers(subject().page(app, ChatNumber.of(1), MessageRange.ALL.below(Long.MAX_VALUE), 3))).containsExactly(10L, 9L, 8L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1), MessageRange.ALL.below(8), 3))).containsExactly(7L, 6L, 5L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1), MessageRange.ALL.below(3), 100))).containsExactly(2L, 1L);
        assertThat(subject().page(app, ChatNumber.of(1), MessageRange.ALL.below(1), 100)).isEmpty();
    }

    @Test
    void walkingPagesByTheLastNumberSeesEveryMessageOnce() {
        AppId app = newApp();
        // Gaps, as numbers lost with a counter leave them.
        List<Long> stored = List.of(1L, 2L, 3L, 5L, 8L, 13L, 1001L, 1002L, 2001L);
        subject().saveAll(stored.stream().map(n -> aMessage().in(app, 1).numbered(n).build()).toList());

        List<Long> walked = new ArrayList<>();
        long below = Long.MAX_VALUE;
        for (int pages = 0; pages < 20; pages++) {
            List<Message> page = subject().page(app, ChatNumber.of(1), MessageRange.ALL.below(below), 2);
            walked.addAll(numbers(page));
            if (page.size() < 2) {
                break;
            }
            below = page.getLast().number().value();
        }

        assertThat(walked).containsExactlyElementsOf(stored.reversed());
    }

    @Test
    void pageShowsOnlyThatChatOfThatApplication() {
        AppId app = newApp();
        AppId otherApp = newApp();
        subject().saveAll(List.of(
                aMessage().in(app, 1).numbered(1).withBody("mine").build(),
                aMessage().in(app, 2).numbered(2).withBody("other chat").build(),
                aMessage().in(otherApp, 1).numbered(3).withBody("other app").build()));

        assertThat(subject().page(app, ChatNumber.of(1), MessageRange.ALL.below(Long.MAX_VALUE), 10))
                .extracting(m -> m.body().value()).containsExactly("mine");
        assertThat(subject().find(app, ChatNumber.of(1), MessageNumber.of(3))).isEmpty();
    }

    @Test
    void savingMessagesRecordsTheLatestActivityOfTheirChats() {
        AppId app = newApp();
        chatStore().saveAll(List.of(
                aChat().inApp(app).numbered(1).createdAt(secondsAfterT0(0)).build(),
                aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(10)).build()));

        subject().saveAll(List.of(
                aMessage().in(app, 1).numbered(1).createdAt(secondsAfterT0(20)).build(),
                aMessage().in(app, 1).numbered(2).createdAt(secondsAfterT0(30)).build()));

        assertThat(chatStore().find(app, ChatNumber.of(1)).orElseThrow().lastMessageAt()).isEqualTo(secondsAfterT0(30));
        assertThat(chatStore().find(app, ChatNumber.of(2)).orElseThrow().lastMessageAt()).isNull();
        assertThat(chatStore().page(app, ChatStore.InboxFilter.ALL, null, 10)).extracting(c -> c.number().value()).containsExactly(1L, 2L);
    }

    @Test
    void anOlderMessageNeverMovesTheLatestActivityBack() {
        AppId app = newApp();
        chatStore().saveAll(List.of(aChat().inApp(app).numbered(1).build()));
        subject().saveAll(List.of(aMessage().in(app, 1).numbered(2).createdAt(secondsAfterT0(30)).build()));

        subject().saveAll(List.of(aMessage().in(app, 1).numbered(1).createdAt(secondsAfterT0(20)).build()));

        assertThat(chatStore().find(app, ChatNumber.of(1)).orElseThrow().lastMessageAt()).isEqualTo(secondsAfterT0(30));
    }

    @Test
    void aNewerChatStateKeepsTheRecordedActivity() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).numbered(1).build();
        chatStore().saveAll(List.of(chat));
        subject().saveAll(List.of(aMessage().in(app, 1).createdAt(secondsAfterT0(30)).build()));

        chatStore().saveAll(List.of(chat.retitle(new ChatTitle("Renamed"), secondsAfterT0(40))));

        Chat stored = chatStore().find(app, ChatNumber.of(1)).orElseThrow();
        assertThat(stored.title()).isEqualTo(new ChatTitle("Renamed"));
        assertThat(stored.lastMessageAt()).isEqualTo(secondsAfterT0(30));
    }

    private static List<Long> numbers(List<Message> messages) {
        return messages.stream().map(m -> m.number().value()).toList();
    }
}
