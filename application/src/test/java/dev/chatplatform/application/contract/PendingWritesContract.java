package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void messagesBetweenAreNewestFirstStrictlyBelowAndAtMostTheLimit() {
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
    void messagesBetweenSkipsSettledNumbers() {
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

    @Test
    void messagesBetweenExcludeBothBounds() {
        AppId app = newApp();
        for (long n = 1; n <= 10; n++) {
            subject().put(aMessage().in(app, 1).numbered(n).build());
        }

        assertThat(numbers(subject().messagesBetween(app, ChatNumber.of(1), 3, 8, 100))).containsExactly(7L, 6L, 5L, 4L);
        assertThat(numbers(subject().messagesBetween(app, ChatNumber.of(1), 7, Long.MAX_VALUE, 2))).containsExactly(10L, 9L);
        assertThat(subject().messagesBetween(app, ChatNumber.of(1), 4, 5, 100)).isEmpty();
        assertThat(subject().messagesBetween(app, ChatNumber.of(1), 10, Long.MAX_VALUE, 100)).isEmpty();
    }

    @Test
    void chatWithParticipantsRoundTrips() {
        AppId app = newApp();
        Chat chat = Chat.open(app, ChatNumber.of(4), new ChatTitle("Trio"), users("zoe", "alice", "bob@example.com"), T0);

        subject().put(chat);

        assertThat(subject().findChat(app, chat.number())).contains(chat);
        assertThat(subject().findChat(app, chat.number()).orElseThrow().participants())
                .containsExactlyElementsOf(users("zoe", "alice", "bob@example.com"));
    }

    @Test
    void messageWithSenderRoundTrips() {
        AppId app = newApp();
        Message message = Message.post(app, ChatNumber.of(2), MessageNumber.of(7), new MessageBody("hi"),
                new UserId("alice"), T0);

        subject().put(message);

        assertThat(subject().findMessage(app, ChatNumber.of(2), MessageNumber.of(7))).contains(message);
        assertThat(subject().messagesBetween(app, ChatNumber.of(2), 0, Long.MAX_VALUE, 10)).containsExactly(message);
    }

    @Test
    void userPutIsFoundAsItWasPut() {
        AppId app = newApp();
        User withPhone = user(app, "alice.b@example-1", "Alice Bühler", "+4915112345678", T0);
        User withoutPhone = user(app, "bob", "Bob", null, T0);

        subject().put(withPhone);
        subject().put(withoutPhone);

        assertThat(subject().findUser(app, withPhone.id())).contains(withPhone);
        assertThat(subject().findUser(app, withoutPhone.id())).contains(withoutPhone);
        assertThat(subject().findUser(app, new UserId("carol"))).isEmpty();
    }

    @Test
    void settlingThePersistedUserRemovesItButNotANewerState() {
        AppId app = newApp();
        User alice = user(app, "alice", "Alice", null, T0);
        User bob = user(app, "bob", "Bob", null, T0);
        User bobRenamed = bob.update(new UserName("Robert"), new Phone("+4915112345678"), secondsAfterT0(1));
        subject().put(alice);
        subject().put(bob);
        subject().put(bobRenamed);

        subject().settleUsers(List.of(alice, bob));

        assertThat(subject().findUser(app, alice.id())).isEmpty();
        assertThat(subject().findUser(app, bob.id())).contains(bobRenamed);
    }

    @Test
    void reactionPutIsFoundAsItWasPut() {
        AppId app = newApp();
        Reaction reaction = reaction(app, 2, 5, "alice", "+1", 3);

        subject().put(reaction);

        assertThat(subject().reactions(app, ChatNumber.of(2))).containsExactly(reaction);
    }

    @Test
    void aPendingReactionKeepsTheHigherScore() {
        AppId app = newApp();
        Reaction three = reaction(app, 1, 1, "alice", "clap", 3);
        Reaction five = reaction(app, 1, 1, "alice", "clap", 5);

        subject().put(five);
        subject().put(three);

        assertThat(subject().reactions(app, ChatNumber.of(1))).containsExactly(five);

        Reaction seven = reaction(app, 1, 1, "alice", "clap", 7);
        subject().put(seven);

        assertThat(subject().reactions(app, ChatNumber.of(1))).containsExactly(seven);
    }

    @Test
    void eachUserTypeAndMessageIsItsOwnReaction() {
        AppId app = newApp();
        List<Reaction> reactions = List.of(reaction(app, 1, 1, "alice", "clap", 1), reaction(app, 1, 1, "alice", "like", 2),
                reaction(app, 1, 1, "bob", "clap", 3), reaction(app, 1, 2, "alice", "clap", 4));
        reactions.forEach(subject()::put);
        subject().put(reaction(app, 2, 1, "alice", "clap", 9));
        subject().put(reaction(newApp(), 1, 1, "alice", "clap", 9));

        assertThat(subject().reactions(app, ChatNumber.of(1))).containsExactlyInAnyOrderElementsOf(reactions);
        for (Reaction reaction : reactions) {
            assertThat(subject().findReaction(app, ChatNumber.of(1), reaction.key())).contains(reaction);
        }
        assertThat(subject().findReaction(app, ChatNumber.of(1), reaction(app, 1, 3, "alice", "clap", 1).key())).isEmpty();
    }

    @Test
    void settlingAReactionDropsThePendingStateTheStoredScoreReached() {
        AppId app = newApp();
        Reaction reached = reaction(app, 1, 1, "alice", "clap", 3);
        Reaction ahead = reaction(app, 1, 1, "bob", "clap", 8);
        subject().put(reached);
        subject().put(ahead);

        subject().settleReactions(List.of(reaction(app, 1, 1, "alice", "clap", 4), reaction(app, 1, 1, "bob", "clap", 6)));

        assertThat(subject().reactions(app, ChatNumber.of(1))).containsExactly(ahead);

        subject().settleReactions(List.of(ahead));

        assertThat(subject().reactions(app, ChatNumber.of(1))).isEmpty();
    }

    @Test
    void concurrentReactionPutsLeaveTheHighestScore() throws Exception {
        AppId app = newApp();
        PendingWrites pending = subject();
        int puts = 64;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int score = 1; score <= puts; score++) {
                Reaction reaction = reaction(app, 1, 1, "alice", "clap", score);
                done.add(threads.submit(() -> pending.put(reaction)));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        }

        assertThat(subject().reactions(app, ChatNumber.of(1))).extracting(Reaction::score).containsExactly((long) puts);
    }

    @Test
    void receiptPutIsFoundAsItWasPut() {
        AppId app = newApp();
        Receipt receipt = receipt(app, 3, "alice", 9, 4, T0);

        subject().put(receipt);

        assertThat(subject().receipts(app, ChatNumber.of(3))).containsExactly(Map.entry(new UserId("alice"), receipt));
    }

    @Test
    void pendingReceiptsMergeTheLargerOfEachCursorAndTheLaterVersion() {
        AppId app = newApp();
        subject().put(receipt(app, 1, "alice", 5, 2, secondsAfterT0(2)));
        subject().put(receipt(app, 1, "alice", 3, 3, secondsAfterT0(1)));
        subject().put(receipt(app, 1, "bob", 1, 0, T0));

        assertThat(subject().receipts(app, ChatNumber.of(1))).containsOnly(
                Map.entry(new UserId("alice"), receipt(app, 1, "alice", 5, 3, secondsAfterT0(2))),
                Map.entry(new UserId("bob"), receipt(app, 1, "bob", 1, 0, T0)));
    }

    @Test
    void settlingAReceiptDropsOnlyWhatTheStoredCursorsCover() {
        AppId app = newApp();
        subject().put(receipt(app, 1, "alice", 5, 2, T0));
        Receipt bob = receipt(app, 1, "bob", 5, 4, T0);
        subject().put(bob);

        subject().settleReceipts(List.of(receipt(app, 1, "alice", 6, 2, secondsAfterT0(1)),
                receipt(app, 1, "bob", 9, 3, secondsAfterT0(1)), receipt(app, 1, "carol", 1, 1, T0)));

        assertThat(subject().receipts(app, ChatNumber.of(1))).containsOnly(Map.entry(new UserId("bob"), bob));
    }

    @Test
    void concurrentReceiptPutsLeaveTheLargestCursors() throws Exception {
        AppId app = newApp();
        PendingWrites pending = subject();
        int puts = 64;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 1; n <= puts; n++) {
                // odd states read what they received, even ones only receive: no single state is the answer
                Receipt receipt = receipt(app, 1, "alice", n, n % 2 == 1 ? n : 0, secondsAfterT0(n));
                done.add(threads.submit(() -> pending.put(receipt)));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        }

        Receipt merged = subject().receipts(app, ChatNumber.of(1)).get(new UserId("alice"));
        assertThat(merged.deliveredUpTo()).isEqualTo(puts);
        assertThat(merged.readUpTo()).isEqualTo(puts - 1);
        assertThat(merged.updatedAt()).isEqualTo(secondsAfterT0(puts));
    }

    @Test
    void receiptsOfOtherChatsAndApplicationsAreNeverSeen() {
        AppId app = newApp();
        subject().put(receipt(app, 2, "alice", 1, 1, T0));
        subject().put(receipt(newApp(), 1, "alice", 1, 1, T0));

        assertThat(subject().receipts(app, ChatNumber.of(1))).isEmpty();
        assertThat(subject().reactions(app, ChatNumber.of(1))).isEmpty();
    }

    @Test
    void aChatsPendingStateIsReadAsTheFourSingleReadsAnswer() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).numbered(1).titled("Pending").build();
        subject().put(chat);
        for (long n = 1; n <= 10; n++) {
            subject().put(aMessage().in(app, 1).numbered(n).build());
        }
        subject().settleMessages(List.of(aMessage().in(app, 1).numbered(6).build()));
        subject().put(reaction(app, 1, 3, "alice", "like", 2));
        subject().put(receipt(app, 1, "bob", 9, 4, T0));
        subject().put(aMessage().in(app, 2).numbered(11).build());
        subject().put(receipt(app, 2, "carol", 1, 1, T0));

        PendingWrites.ChatPending read = subject().chatPending(app, ChatNumber.of(1), 3, 9, 4);

        assertThat(read.chat()).contains(chat);
        assertThat(numbers(read.messages())).containsExactly(8L, 7L, 5L, 4L);
        assertThat(read.messages()).isEqualTo(subject().messagesBetween(app, ChatNumber.of(1), 3, 9, 4));
        assertThat(read.reactions()).isEqualTo(subject().reactions(app, ChatNumber.of(1)));
        assertThat(read.receipts()).isEqualTo(subject().receipts(app, ChatNumber.of(1)))
                .containsOnlyKeys(new UserId("bob"));
        assertThat(numbers(subject().chatPending(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 2).messages()))
                .containsExactly(10L, 9L);
        assertThat(subject().chatPending(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 0).messages()).isEmpty();
        assertThat(subject().chatPending(app, ChatNumber.of(1), 4, 5, 10).messages()).isEmpty();
    }

    @Test
    void aChatWithNothingPendingReadsEmpty() {
        PendingWrites.ChatPending read = subject().chatPending(newApp(), ChatNumber.of(1), 0, Long.MAX_VALUE, 50);

        assertThat(read.chat()).isEmpty();
        assertThat(read.messages()).isEmpty();
        assertThat(read.reactions()).isEmpty();
        assertThat(read.receipts()).isEmpty();
    }

    private static List<UserId> users(String... ids) {
        return Arrays.stream(ids).map(UserId::new).toList();
    }

    private static User user(AppId app, String id, String name, String phone, Instant at) {
        return User.register(app, new UserId(id), new UserName(name), phone == null ? null : new Phone(phone), at);
    }

    private static Reaction reaction(AppId app, long chat, long message, String user, String type, long score) {
        return new Reaction(app, ChatNumber.of(chat), MessageNumber.of(message), new UserId(user), new ReactionType(type),
                score, T0, secondsAfterT0(score));
    }

    private static Receipt receipt(AppId app, long chat, String user, long delivered, long read, Instant at) {
        return new Receipt(app, ChatNumber.of(chat), new UserId(user), delivered, read, at);
    }

    private static List<Long> numbers(List<Message> messages) {
        return messages.stream().map(m -> m.number().value()).toList();
    }
}
