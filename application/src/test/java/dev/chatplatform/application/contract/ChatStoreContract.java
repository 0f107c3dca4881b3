package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ChatStore}'s Javadoc promises, for the fake and for MySQL. */
public abstract class ChatStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract ChatStore chatStore();

    /** The message store the chat store under test reads inbox entries' last messages from. */
    protected abstract MessageStore messageStore();

    /** The receipt store the chat store under test reads inbox entries' receipts from. */
    protected abstract ReceiptStore receiptStore();

    private ChatStore store;

    private ChatStore subject() {
        if (store == null) {
            store = chatStore();
        }
        return store;
    }

    @Test
    void chatNeverSavedIsNotFound() {
        assertThat(subject().find(newApp(), ChatNumber.of(1))).isEmpty();
    }

    @Test
    void savedChatIsFoundAsItWasSaved() {
        AppId app = newApp();
        Chat titled = aChat().inApp(app).numbered(1).titled("Ünïcode 💬 title").build();
        Chat untitled = aChat().inApp(app).numbered(2).untitled().build();

        subject().saveAll(List.of(titled, untitled));

        assertThat(subject().find(app, ChatNumber.of(1))).contains(titled);
        assertThat(subject().find(app, ChatNumber.of(2))).contains(untitled);
    }

    @Test
    void savingTheSameStateAgainChangesNothing() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).build();

        subject().saveAll(List.of(chat));
        subject().saveAll(List.of(chat));
        subject().saveAll(List.of(chat, chat));

        assertThat(subject().find(app, chat.number())).contains(chat);
        assertThat(subject().page(app, ChatStore.InboxFilter.ALL, null, 10)).containsExactly(chat);
    }

    @Test
    void aNewerStateReplacesTheTitle() {
        AppId app = newApp();
        Chat opened = aChat().inApp(app).titled("Before").build();
        Chat retitled = opened.retitle(new ChatTitle("After"), secondsAfterT0(1));

        subject().saveAll(List.of(opened));
        subject().saveAll(List.of(retitled));

        assertThat(subject().find(app, opened.number())).contains(retitled);
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() {
        AppId app = newApp();
        Chat opened = aChat().inApp(app).titled("Before").build();
        Chat retitled = opened.retitle(new ChatTitle("After"), secondsAfterT0(1));

        subject().saveAll(List.of(retitled));
        subject().saveAll(List.of(opened));

        assertThat(subject().find(app, opened.number())).contains(retitled);
    }

    @Test
    void withinOneBatchTheNewestStateWinsWhateverItsPlace() {
        AppId app = newApp();
        Chat first = aChat().inApp(app).numbered(1).titled("v1").build();
        Chat firstRetitled = first.retitle(new ChatTitle("v2"), secondsAfterT0(1));
        Chat second = aChat().inApp(app).numbered(2).titled("v1").build();
        Chat secondRetitled = second.retitle(new ChatTitle("v2"), secondsAfterT0(1));

        subject().saveAll(List.of(first, firstRetitled, secondRetitled, second));

        assertThat(subject().find(app, ChatNumber.of(1))).contains(firstRetitled);
        assertThat(subject().find(app, ChatNumber.of(2))).contains(secondRetitled);
    }

    @Test
    void inboxIsMostRecentActivityFirstThenNumberDescending() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).createdAt(secondsAfterT0(5)).build(),
                aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(3).createdAt(secondsAfterT0(5)).build(),
                aChat().inApp(app).numbered(4).createdAt(secondsAfterT0(3)).build()));

        assertThat(numbers(subject().page(app, ChatStore.InboxFilter.ALL, null, 10))).containsExactly(3L, 1L, 4L, 2L);
        assertThat(numbers(subject().page(app, ChatStore.InboxFilter.ALL, null, 2))).containsExactly(3L, 1L);
    }

    @Test
    void inboxPagesStartRightAfterTheGivenPosition() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (long n = 1; n <= 11; n++) {
            // Pairs of chats share an instant, so the number must break the tie.
            chats.add(aChat().inApp(app).numbered(n).createdAt(secondsAfterT0(n / 2)).build());
        }
        subject().saveAll(chats);

        List<Long> walked = new ArrayList<>();
        InboxPosition after = null;
        for (int pages = 0; pages < 20; pages++) {
            List<Chat> page = subject().page(app, ChatStore.InboxFilter.ALL, after, 3);
            walked.addAll(numbers(page));
            if (page.size() < 3) {
                break;
            }
            Chat last = page.getLast();
            after = new InboxPosition(last.activityAt(), last.number().value());
        }

        assertThat(walked).containsExactly(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void retitlingDoesNotMoveAChatInTheInbox() {
        AppId app = newApp();
        Chat older = aChat().inApp(app).numbered(1).createdAt(secondsAfterT0(1)).build();
        Chat newer = aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(2)).build();
        subject().saveAll(List.of(older, newer));

        subject().saveAll(List.of(older.retitle(new ChatTitle("Renamed"), secondsAfterT0(60))));

        assertThat(numbers(subject().page(app, ChatStore.InboxFilter.ALL, null, 10))).containsExactly(2L, 1L);
    }

    @Test
    void inboxShowsOnlyTheApplicationsOwnChats() {
        AppId app = newApp();
        AppId otherApp = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).build(),
                aChat().inApp(otherApp).numbered(1).titled("Theirs").build(),
                aChat().inApp(otherApp).numbered(2).build()));

        assertThat(subject().page(app, ChatStore.InboxFilter.ALL, null, 10)).extracting(Chat::appId).containsExactly(app);
        assertThat(subject().find(app, ChatNumber.of(2))).isEmpty();
    }

    @Test
    void participantsAreKeptInTheOrderTheChatWasCreatedWith() {
        AppId app = newApp();
        Chat group = aChat().inApp(app).withParticipants("zed", "Amy", "bob.b@example-1").build();

        subject().saveAll(List.of(group));

        assertThat(subject().find(app, group.number()).orElseThrow().participants())
                .extracting(UserId::value).containsExactly("zed", "Amy", "bob.b@example-1");
    }

    @Test
    void participantsAreWrittenOnceWithTheChat() {
        AppId app = newApp();
        Chat opened = aChat().inApp(app).withParticipants("alice", "bob").build();
        Chat later = new Chat(app, opened.number(), new ChatTitle("Renamed"), List.of(new UserId("mallory")), 0, 0,
                null, opened.createdAt(), secondsAfterT0(5));

        subject().saveAll(List.of(opened));
        subject().saveAll(List.of(later));

        Chat stored = subject().find(app, opened.number()).orElseThrow();
        assertThat(stored.title()).isEqualTo(new ChatTitle("Renamed"));
        assertThat(stored.participants()).extracting(UserId::value).containsExactly("alice", "bob");
        assertThat(numbers(subject().page(app, byParticipant("mallory"), null, 10))).isEmpty();
    }

    @Test
    void aChatFoundWithItsReceiptsIsTheChatFoundAloneAndAnyReceiptsReadAreTheStoredOnes() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).numbered(1).withParticipants("alice", "bob").createdAt(secondsAfterT0(1)).build();
        subject().saveAll(List.of(chat, aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(2)).build()));
        receiptStore().saveAll(List.of(new Receipt(app, ChatNumber.of(1), new UserId("bob"), 2, 1, secondsAfterT0(3))));
        receiptStore().saveAll(List.of(new Receipt(app, ChatNumber.of(1), new UserId("bob"), 3, 3, secondsAfterT0(4)),
                new Receipt(app, ChatNumber.of(1), new UserId("alice"), 3, 0, secondsAfterT0(4))));

        for (long number : new long[] {1, 2}) {
            Optional<ChatStore.ChatWithReceipts> found = subject().findWithReceipts(app, ChatNumber.of(number));

            assertThat(found.map(ChatStore.ChatWithReceipts::chat)).isEqualTo(subject().find(app, ChatNumber.of(number)));
            found.orElseThrow().receipts().ifPresent(receipts -> assertThat(receipts)
                    .isEqualTo(receiptStore().ofChat(app, ChatNumber.of(number))));
        }
        assertThat(subject().findWithReceipts(app, ChatNumber.of(3))).isEmpty();
    }

    @Test
    void inboxEntriesCarryEachChatsNewestStoredMessageAndItsReceipts() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).withParticipants("alice", "bob").createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(2).withParticipants("alice", "bob").createdAt(secondsAfterT0(2)).build(),
                aChat().inApp(app).numbered(3).withParticipants("carol").createdAt(secondsAfterT0(3)).build()));
        messageStore().saveAll(List.of(
                aMessage().in(app, 1).numbered(1).withBody("older").sentBy("alice").createdAt(secondsAfterT0(4)).build(),
                aMessage().in(app, 1).numbered(2).withBody("newest").sentBy("alice").createdAt(secondsAfterT0(5)).build()));
        receiptStore().saveAll(List.of(
                new Receipt(app, ChatNumber.of(1), new UserId("bob"), 2, 1, secondsAfterT0(6)),
                new Receipt(app, ChatNumber.of(1), new UserId("alice"), 2, 2, secondsAfterT0(6)),
                new Receipt(app, ChatNumber.of(2), new UserId("bob"), 0, 0, secondsAfterT0(6))));

        for (InboxFilter filter : List.of(InboxFilter.ALL, byParticipant("bob"))) {
            List<ChatStore.InboxEntry> page = subject().inbox(app, filter, null, 10);

            assertThat(page).extracting(e -> e.chat().number().value()).containsExactlyElementsOf(
                    numbers(subject().page(app, filter, null, 10)));
            ChatStore.InboxEntry busy = page.getFirst();
            assertThat(busy.chat().number()).isEqualTo(ChatNumber.of(1));
            assertThat(busy.lastMessage().number().value()).isEqualTo(2);
            assertThat(busy.lastMessage().body().value()).isEqualTo("newest");
            assertThat(busy.lastMessage().sender()).isEqualTo(new UserId("alice"));
            assertThat(busy.lastMessage().createdAt()).isEqualTo(secondsAfterT0(5));
            assertThat(busy.receipts()).containsOnlyKeys(new UserId("alice"), new UserId("bob"));
            assertThat(busy.receipts().get(new UserId("bob")))
                    .isEqualTo(new Receipt(app, ChatNumber.of(1), new UserId("bob"), 2, 1, secondsAfterT0(6)));
            ChatStore.InboxEntry quiet = page.getLast();
            assertThat(quiet.chat().number()).isEqualTo(ChatNumber.of(2));
            assertThat(quiet.lastMessage()).isNull();
            assertThat(quiet.receipts()).containsOnlyKeys(new UserId("bob"));
        }
        assertThat(subject().inbox(app, InboxFilter.ALL, null, 10)).extracting(e -> e.chat().number().value())
                .containsExactly(1L, 3L, 2L);
        assertThat(subject().inbox(app, InboxFilter.ALL, null, 10).get(1).receipts()).isEmpty();
    }

    @Test
    void anInboxEntryShowsTheLastMessagesNewestStateWhateverOrderTheStatesArriveIn() {
        AppId app = newApp();
        subject().saveAll(List.of(aChat().inApp(app).numbered(1).withParticipants("alice").createdAt(secondsAfterT0(1)).build()));
        Message second = aMessage().in(app, 1).numbered(2).withBody("second").sentBy("alice").createdAt(secondsAfterT0(3)).build();
        Message first = aMessage().in(app, 1).numbered(1).withBody("first").createdAt(secondsAfterT0(2)).build();
        messageStore().saveAll(List.of(second));
        messageStore().saveAll(List.of(first)); // late: an older number changes nothing
        assertThat(lastBody(app)).isEqualTo("second");

        Message edited = second.edit(new MessageBody("second, edited"), secondsAfterT0(9));
        messageStore().saveAll(List.of(edited));
        messageStore().saveAll(List.of(second)); // a redelivered older state changes nothing
        messageStore().saveAll(List.of(first.edit(new MessageBody("first, edited"), secondsAfterT0(10))));
        ChatStore.InboxEntry entry = subject().inbox(app, InboxFilter.ALL, null, 10).getFirst();
        assertThat(entry.lastMessage().body().value()).isEqualTo("second, edited");
        assertThat(entry.lastMessage().sender()).isEqualTo(new UserId("alice"));
        assertThat(entry.lastMessage().createdAt()).isEqualTo(secondsAfterT0(3));
        assertThat(entry.lastMessage().updatedAt()).isEqualTo(secondsAfterT0(9));

        Message third = aMessage().in(app, 1).numbered(3).withBody("third").createdAt(secondsAfterT0(11)).build();
        messageStore().saveAll(List.of(third, third.edit(new MessageBody("third, edited in the same batch"), secondsAfterT0(12))));
        assertThat(lastBody(app)).isEqualTo("third, edited in the same batch");
    }

    private String lastBody(AppId app) {
        return subject().inbox(app, InboxFilter.ALL, null, 10).getFirst().lastMessage().body().value();
    }

    @Test
    void aNewChatHasNoLastMessage() {
        AppId app = newApp();
        subject().saveAll(List.of(aChat().inApp(app).build()));

        Chat stored = subject().find(app, ChatNumber.of(1)).orElseThrow();
        assertThat(stored.lastMessageNumber()).isZero();
        assertThat(stored.lastMessageAt()).isNull();
    }

    @Test
    void theParticipantFilterKeepsThatUsersChatsInInboxOrder() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).withParticipants("alice", "bob").createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(2).withParticipants("bob", "carol").createdAt(secondsAfterT0(2)).build(),
                aChat().inApp(app).numbered(3).withParticipants("carol", "alice", "dave").createdAt(secondsAfterT0(3)).build(),
                aChat().inApp(app).numbered(4).createdAt(secondsAfterT0(4)).build(),
                aChat().inApp(app).numbered(5).withParticipants("Alice", "bob").createdAt(secondsAfterT0(5)).build()));

        assertThat(numbers(subject().page(app, byParticipant("alice"), null, 10))).containsExactly(3L, 1L);
        assertThat(numbers(subject().page(app, byParticipant("bob"), null, 10))).containsExactly(5L, 2L, 1L);
        assertThat(numbers(subject().page(app, byParticipant("Alice"), null, 10)))
                .as("user ids are compared exactly").containsExactly(5L);
        assertThat(numbers(subject().page(app, byParticipant("nobody"), null, 10))).isEmpty();
        assertThat(numbers(subject().page(newApp(), byParticipant("alice"), null, 10))).isEmpty();
    }

    @Test
    void theParticipantFilterPagesFromTheGivenPosition() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (long n = 1; n <= 11; n++) {
            String[] participants = n % 3 == 0 ? new String[]{"bob"} : new String[]{"alice", "bob"};
            chats.add(aChat().inApp(app).numbered(n).withParticipants(participants).createdAt(secondsAfterT0(n / 2)).build());
        }
        subject().saveAll(chats);

        assertThat(walk(app, byParticipant("alice"), 2)).containsExactly(11L, 10L, 8L, 7L, 5L, 4L, 2L, 1L);
    }

    @Test
    void theTextFilterFindsTitlesCaseInsensitively() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).titled("Weekend HIKING plans").build(),
                aChat().inApp(app).numbered(2).titled("Überweisung Ärger").build(),
                aChat().inApp(app).numbered(3).titled("Something else").build(),
                aChat().inApp(app).numbered(4).untitled().build()));

        assertThat(numbers(subject().page(app, byText("hiking"), null, 10))).containsExactly(1L);
        assertThat(numbers(subject().page(app, byText("kEnD Hi"), null, 10))).containsExactly(1L);
        assertThat(numbers(subject().page(app, byText("überweisung ä"), null, 10))).containsExactly(2L);
        assertThat(numbers(subject().page(app, byText("ÄRGER"), null, 10))).containsExactly(2L);
        assertThat(numbers(subject().page(app, byText("e"), null, 10))).containsExactly(3L, 2L, 1L);
        assertThat(numbers(subject().page(app, byText("nowhere"), null, 10))).isEmpty();
    }

    @Test
    void theTextFilterTakesWildcardsAndBackslashesLiterally() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).titled("100% done").build(),
                aChat().inApp(app).numbered(2).titled("1000 done").build(),
                aChat().inApp(app).numbered(3).titled("snake_case").build(),
                aChat().inApp(app).numbered(4).titled("snakeXcase").build(),
                aChat().inApp(app).numbered(5).titled("back\\slash and !bang").build()));

        assertThat(numbers(subject().page(app, byText("0%"), null, 10))).containsExactly(1L);
        assertThat(numbers(subject().page(app, byText("%"), null, 10))).containsExactly(1L);
        assertThat(numbers(subject().page(app, byText("e_c"), null, 10))).containsExactly(3L);
        assertThat(numbers(subject().page(app, byText("_"), null, 10))).containsExactly(3L);
        assertThat(numbers(subject().page(app, byText("k\\s"), null, 10))).containsExactly(5L);
        assertThat(numbers(subject().page(app, byText("!b"), null, 10))).containsExactly(5L);
    }

    @Test
    void theTextFilterAlsoKeepsTheChatsMentioningIt() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).titled("Invoices").createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(2).titled("Random").createdAt(secondsAfterT0(2)).build(),
                aChat().inApp(app).numbered(3).titled("Other").createdAt(secondsAfterT0(3)).build()));

        InboxFilter filter = new InboxFilter("invoice", Set.of(ChatNumber.of(2), ChatNumber.of(99)), null);

        assertThat(numbers(subject().page(app, filter, null, 10))).containsExactly(2L, 1L);
    }

    @Test
    void textAndParticipantFiltersCombine() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).titled("Team lunch").withParticipants("alice").build(),
                aChat().inApp(app).numbered(2).titled("Team standup").withParticipants("bob").build(),
                aChat().inApp(app).numbered(3).titled("Budget").withParticipants("alice").build()));

        InboxFilter filter = new InboxFilter("team", Set.of(ChatNumber.of(3)), new UserId("alice"));

        assertThat(numbers(subject().page(app, filter, null, 10))).containsExactly(3L, 1L);
    }

    @Test
    void aWindowIsTheNextChatsOfTheInboxEachSayingWhetherItsOwnTextMatches() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (long n = 1; n <= 11; n++) {
            chats.add(aChat().inApp(app).numbered(n).titled(n % 3 == 0 ? "Quarterly" : "Daily report")
                    .withParticipants(n % 2 == 0 ? new String[]{"alice"} : new String[]{"bob"})
                    .createdAt(secondsAfterT0(n / 2)).build());
        }
        subject().saveAll(chats);

        List<ChatStore.InboxSlot> first = subject().window(app, byText("REPORT"), null, 4);
        assertThat(first).extracting(slot -> slot.chat().value()).containsExactly(11L, 10L, 9L, 8L);
        assertThat(first).extracting(ChatStore.InboxSlot::matchesText).containsExactly(true, true, false, true);
        assertThat(first.getFirst().activityAt()).isEqualTo(secondsAfterT0(5));
        ChatStore.InboxSlot last = first.getLast();
        InboxPosition after = new InboxPosition(last.activityAt(), last.chat().value());
        assertThat(subject().window(app, byText("report"), after, 100)).extracting(slot -> slot.chat().value())
                .containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(subject().window(app, new InboxFilter("quarter", Set.of(), new UserId("alice")), null, 100))
                .extracting(slot -> slot.chat().value() + ":" + slot.matchesText())
                .containsExactly("10:false", "8:false", "6:true", "4:false", "2:false");
        assertThat(subject().window(app, InboxFilter.ALL, null, 2)).extracting(ChatStore.InboxSlot::matchesText)
                .containsExactly(false, false);
    }

    @Test
    void slotsAreTheStoredChatsPlacesInTheInbox() {
        AppId app = newApp();
        subject().saveAll(List.of(aChat().inApp(app).numbered(3).titled("Budget").build()));

        Chat budget = subject().find(app, ChatNumber.of(3)).orElseThrow();
        assertThat(subject().slots(app, Set.of(ChatNumber.of(3), ChatNumber.of(9))))
                .containsExactly(new ChatStore.InboxSlot(ChatNumber.of(3), budget.activityAt(), false));
    }

    @Test
    void amongKeepsExactlyTheGivenChatsInInboxOrder() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).createdAt(secondsAfterT0(3)).build(),
                aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(3).createdAt(secondsAfterT0(2)).build()));

        assertThat(subject().inbox(app, InboxFilter.among(Set.of(ChatNumber.of(2), ChatNumber.of(1), ChatNumber.of(9))),
                null, 10)).extracting(e -> e.chat().number().value()).containsExactly(1L, 2L);
        assertThat(subject().inbox(app, InboxFilter.among(Set.of()), null, 10)).isEmpty();
    }

    @Test
    void theTextFilterPagesFromTheGivenPosition() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (long n = 1; n <= 11; n++) {
            chats.add(aChat().inApp(app).numbered(n).titled(n % 3 == 0 ? "Quarterly" : "Daily report")
                    .createdAt(secondsAfterT0(n / 2)).build());
        }
        subject().saveAll(chats);

        assertThat(walk(app, byText("REPORT"), 3)).containsExactly(11L, 10L, 8L, 7L, 5L, 4L, 2L, 1L);
    }

    private List<Long> walk(AppId app, InboxFilter filter, int limit) {
        List<Long> walked = new ArrayList<>();
        InboxPosition after = null;
        for (int pages = 0; pages < 50; pages++) {
            List<Chat> page = subject().page(app, filter, after, limit);
            walked.addAll(numbers(page));
            if (page.size() < limit) {
                break;
            }
            Chat last = page.getLast();
            after = new InboxPosition(last.activityAt(), last.number().value());
        }
        return walked;
    }

    private static InboxFilter byParticipant(String user) {
        return new InboxFilter(null, Set.of(), new UserId(user));
    }

    private static InboxFilter byText(String text) {
        return new InboxFilter(text, Set.of(), null);
    }

    private static List<Long> numbers(List<Chat> chats) {
        return chats.stream().map(c -> c.number().value()).toList();
    }
}
