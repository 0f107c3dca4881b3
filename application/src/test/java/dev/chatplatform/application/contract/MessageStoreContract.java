package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    void aWalkVisitsEveryMessageOnceInKeyOrderAcrossChatsAndApplications() {
        AppId first = newApp();
        AppId second = newApp();
        List<Message> saved = new ArrayList<>();
        for (AppId app : List.of(first, second)) {
            for (long chat = 1; chat <= 3; chat++) {
                for (long number = 1; number <= 4; number++) {
                    saved.add(aMessage().in(app, chat).numbered(number).withBody("m " + chat + " " + number)
                            .createdAt(secondsAfterT0(number)).build());
                }
            }
        }
        messageStore().saveAll(saved);

        for (AppId app : List.of(first, second)) {
            List<Message> walked = new ArrayList<>();
            MessageStore.Position after = null;
            for (List<Message> batch = messageStore().walk(app, null, 5); !batch.isEmpty();
                 batch = messageStore().walk(app, after, 5)) {
                walked.addAll(batch);
                after = MessageStore.Position.of(batch.getLast());
            }
            assertThat(walked).extracting(m -> m.chatNumber().value() + "/" + m.number().value()).containsExactly(
                    "1/1", "1/2", "1/3", "1/4", "2/1", "2/2", "2/3", "2/4", "3/1", "3/2", "3/3", "3/4");
            assertThat(walked).extracting(Message::appId).containsOnly(app);
            assertThat(walked.getFirst().body().value()).isEqualTo("m 1 1");
        }
        // Ids are random, and other tests' applications may lie between the two.
        AppId lower = first.value() < second.value() ? first : second;
        AppId higher = lower == first ? second : first;
        List<Message> onward = messageStore().walk(null, new MessageStore.Position(lower, ChatNumber.of(3), MessageNumber.of(4)), 10_000);
        assertThat(onward).extracting(Message::appId).as("a walk of every application goes on to the next ones")
                .doesNotContain(lower).contains(higher);
        assertThat(messageStore().walk(null, new MessageStore.Position(lower, ChatNumber.of(2), MessageNumber.of(4)), 1))
                .extracting(m -> m.chatNumber().value() + "/" + m.number().value()).containsExactly("3/1");
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

    @Test
    void theSenderIsStoredWithTheMessageAndKeptByEdits() {
        AppId app = newApp();
        Message posted = aMessage().inApp(app).numbered(1).sentBy("Alice.B@example-1").withBody("first").build();
        Message anonymous = aMessage().inApp(app).numbered(2).build();

        subject().saveAll(List.of(posted, anonymous));
        subject().saveAll(List.of(posted.edit(new MessageBody("second"), secondsAfterT0(2))));

        assertThat(subject().find(app, posted.chatNumber(), posted.number()).orElseThrow().sender())
                .isEqualTo(new UserId("Alice.B@example-1"));
        assertThat(subject().find(app, anonymous.chatNumber(), anonymous.number()).orElseThrow().sender()).isNull();
    }

    @Test
    void aMessageWithoutReactionsCarriesAnEmptySummary() {
        AppId app = newApp();
        Message message = aMessage().inApp(app).build();

        subject().saveAll(List.of(message));

        assertThat(subject().find(app, message.chatNumber(), message.number()).orElseThrow().reactions())
                .isEqualTo(ReactionSummary.EMPTY);
    }

    @Test
    void findAllAnswersTheStoredOnesOfTheApplicationAndLeavesOutTheRest() {
        AppId app = newApp();
        AppId otherApp = newApp();
        Message first = aMessage().in(app, 1).numbered(1).build();
        Message second = aMessage().in(app, 2).numbered(7).build();
        subject().saveAll(List.of(first, second, aMessage().in(otherApp, 3).numbered(1).build()));

        List<Message> found = subject().findAll(app, List.of(
                new MessageStore.Key(ChatNumber.of(1), MessageNumber.of(1)),
                new MessageStore.Key(ChatNumber.of(2), MessageNumber.of(7)),
                new MessageStore.Key(ChatNumber.of(2), MessageNumber.of(8)),
                new MessageStore.Key(ChatNumber.of(3), MessageNumber.of(1))));

        assertThat(found).containsExactlyInAnyOrder(first, second);
        assertThat(subject().findAll(app, List.of())).isEmpty();
    }

    @Test
    void aRangeKeepsNumbersStrictlyBetweenAfterAndBefore() {
        AppId app = newApp();
        saveNumbered(app, 10);

        assertThat(numbers(subject().page(app, ChatNumber.of(1), new MessageRange(7L, null, null, null), 100)))
                .containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1), new MessageRange(null, 7L, null, null), 100)))
                .containsExactly(10L, 9L, 8L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1), new MessageRange(7L, 3L, null, null), 2)))
                .containsExactly(6L, 5L);
        assertThat(subject().page(app, ChatNumber.of(1), new MessageRange(4L, 3L, null, null), 100)).isEmpty();
        assertThat(numbers(subject().page(app, ChatNumber.of(1), new MessageRange(null, 0L, null, null), 100)))
                .hasSize(10);
    }

    @Test
    void aRangeKeepsCreationTimesFromSinceToUntilInclusive() {
        AppId app = newApp();
        saveNumbered(app, 10);

        assertThat(numbers(subject().page(app, ChatNumber.of(1),
                new MessageRange(null, null, secondsAfterT0(3), secondsAfterT0(6)), 100)))
                .containsExactly(6L, 5L, 4L, 3L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1),
                new MessageRange(null, null, secondsAfterT0(8), null), 100)))
                .containsExactly(10L, 9L, 8L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1),
                new MessageRange(null, null, null, secondsAfterT0(2).plusMillis(999)), 100)))
                .containsExactly(2L, 1L);
        assertThat(numbers(subject().page(app, ChatNumber.of(1),
                new MessageRange(null, null, secondsAfterT0(5).plusMillis(1), secondsAfterT0(6).minusMillis(1)), 100)))
                .isEmpty();
    }

    @Test
    void numbersAndTimesCombineAndPagesWalkBelowTheLastNumber() {
        AppId app = newApp();
        saveNumbered(app, 20);
        MessageRange range = new MessageRange(18L, 2L, secondsAfterT0(4), secondsAfterT0(15));

        List<Long> walked = new ArrayList<>();
        MessageRange next = range;
        for (int pages = 0; pages < 20; pages++) {
            List<Message> page = subject().page(app, ChatNumber.of(1), next, 3);
            walked.addAll(numbers(page));
            if (page.size() < 3) {
                break;
            }
            next = range.below(page.getLast().number().value());
        }

        assertThat(walked).containsExactly(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L);
    }

    @Test
    void savingMessagesRecordsTheChatsLastMessageNumber() {
        AppId app = newApp();
        chatStore().saveAll(List.of(aChat().inApp(app).numbered(1).build()));

        subject().saveAll(List.of(
                aMessage().in(app, 1).numbered(2).createdAt(secondsAfterT0(20)).build(),
                aMessage().in(app, 1).numbered(5).createdAt(secondsAfterT0(30)).build()));
        subject().saveAll(List.of(aMessage().in(app, 1).numbered(4).createdAt(secondsAfterT0(25)).build()));

        Chat stored = chatStore().find(app, ChatNumber.of(1)).orElseThrow();
        assertThat(stored.lastMessageNumber()).isEqualTo(5);
        assertThat(stored.lastMessageAt()).isEqualTo(secondsAfterT0(30));
    }

    @Test
    void savingMessagesMovesTheirChatUpInTheParticipantsInboxes() {
        AppId app = newApp();
        chatStore().saveAll(List.of(
                aChat().inApp(app).numbered(1).withParticipants("alice", "bob").createdAt(secondsAfterT0(0)).build(),
                aChat().inApp(app).numbered(2).withParticipants("alice").createdAt(secondsAfterT0(10)).build()));

        subject().saveAll(List.of(aMessage().in(app, 1).numbered(1).createdAt(secondsAfterT0(20)).build()));

        ChatStore.InboxFilter alice = new ChatStore.InboxFilter(null, Set.of(), new UserId("alice"));
        assertThat(chatStore().page(app, alice, null, 10)).extracting(c -> c.number().value()).containsExactly(1L, 2L);
        ChatStore.InboxPosition afterFirst = new ChatStore.InboxPosition(secondsAfterT0(20), 1);
        assertThat(chatStore().page(app, alice, afterFirst, 10)).extracting(c -> c.number().value()).containsExactly(2L);
    }

    private void saveNumbered(AppId app, long count) {
        subject().saveAll(LongStream.rangeClosed(1, count)
                .mapToObj(n -> aMessage().in(app, 1).numbered(n).createdAt(secondsAfterT0(n)).build()).toList());
    }

    private static List<Long> numbers(List<Message> messages) {
        return messages.stream().map(m -> m.number().value()).toList();
    }
}
