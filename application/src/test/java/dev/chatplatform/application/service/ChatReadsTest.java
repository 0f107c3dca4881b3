package dev.chatplatform.application.service;

import java.util.Map;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.application.mothers.Reactions;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.application.fakes.FakeUserStore;
import dev.chatplatform.application.fakes.FakeReactionStore;
import dev.chatplatform.application.fakes.FakeReceiptStore;
import dev.chatplatform.application.fakes.FakeRecentMessagesCache;
import dev.chatplatform.application.fakes.FakeChatStore;
import dev.chatplatform.application.fakes.FakeMessageStore;
import dev.chatplatform.application.fakes.FakePendingWrites;
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

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class ChatReadsTest {

    private final FakePendingWrites pending = new FakePendingWrites();
    private final FakeChatStore chats = new FakeChatStore();
    private final FakeMessageStore messages = new FakeMessageStore(chats);
    private final ChatReads reads = reads(pending, chats, messages);
    private final AppId app = new AppId(7);

    @Test
    void aMessageOnlyPendingIsRead() {
        Message posted = aMessage().inApp(app).build();
        pending.put(posted);

        assertThat(reads.message(app, posted.chatNumber(), posted.number())).contains(posted);
    }

    @Test
    void aMessageOnlyStoredIsRead() {
        Message posted = aMessage().inApp(app).build();
        messages.saveAll(List.of(posted));

        assertThat(reads.message(app, posted.chatNumber(), posted.number())).contains(posted);
    }

    @Test
    void aPendingEditNewerThanTheStoredStateWins() {
        Message posted = aMessage().inApp(app).withBody("before").build();
        Message edited = posted.edit(new MessageBody("after"), secondsAfterT0(10));
        messages.saveAll(List.of(posted));
        pending.put(edited);

        assertThat(reads.message(app, posted.chatNumber(), posted.number())).contains(edited);
        assertThat(reads.messages(app, posted.chatNumber(), MessageRange.ALL.below(Long.MAX_VALUE), 10)).containsExactly(edited);
    }

    @Test
    void aStoredStateNewerThanAStalePendingOneWins() {
        Message posted = aMessage().inApp(app).withBody("before").build();
        Message edited = posted.edit(new MessageBody("after"), secondsAfterT0(10));
        pending.put(posted);
        messages.saveAll(List.of(edited));

        assertThat(reads.message(app, posted.chatNumber(), posted.number())).contains(edited);
        assertThat(reads.messages(app, posted.chatNumber(), MessageRange.ALL.below(Long.MAX_VALUE), 10)).containsExactly(edited);
    }

    @Test
    void messagesBelowMergesBothSourcesNewestFirstOncePerNumberUpToTheLimit() {
        messages.saveAll(List.of(message(1), message(2), message(4)));
        pending.put(message(3));
        pending.put(message(4));
        pending.put(message(5));

        assertThat(numbers(reads.messages(app, message(1).chatNumber(), MessageRange.ALL.below(Long.MAX_VALUE), 10)))
                .containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(numbers(reads.messages(app, message(1).chatNumber(), MessageRange.ALL.below(Long.MAX_VALUE), 3)))
                .containsExactly(5L, 4L, 3L);
        assertThat(numbers(reads.messages(app, message(1).chatNumber(), MessageRange.ALL.below(4), 10))).containsExactly(3L, 2L, 1L);
    }

    @Test
    void aPendingRetitleWinsButTheStoredRowKeepsItsDerivedFields() {
        Chat stored = aChat().inApp(app).titled("Old").withMessagesCount(12).withLastMessageAt(secondsAfterT0(30)).build();
        chats.putRow(stored);
        Chat retitled = stored.retitle(new ChatTitle("New"), secondsAfterT0(60));
        pending.put(retitled);

        Chat read = reads.chat(app, stored.number()).orElseThrow();

        assertThat(read.title()).isEqualTo(new ChatTitle("New"));
        assertThat(read.updatedAt()).isEqualTo(secondsAfterT0(60));
        assertThat(read.messagesCount()).isEqualTo(12);
        assertThat(read.lastMessageAt()).isEqualTo(secondsAfterT0(30));
        assertThat(read.createdAt()).isEqualTo(stored.createdAt());
    }

    @Test
    void aStoredChatNewerThanAStalePendingOneWins() {
        Chat opened = aChat().inApp(app).titled("Old").build();
        Chat retitled = opened.retitle(new ChatTitle("New"), secondsAfterT0(60));
        pending.put(opened);
        chats.saveAll(List.of(retitled));

        assertThat(reads.chat(app, opened.number())).contains(retitled);
    }

    @Test
    void aChatOnlyPendingExists() {
        Chat opened = aChat().inApp(app).build();
        pending.put(opened);

        assertThat(reads.chat(app, opened.number())).contains(opened);
        assertThat(reads.chatExists(app, opened.number())).isTrue();
        assertThat(reads.chatExists(app, ChatNumber.of(2))).isFalse();
    }

    @Test
    void whenPendingWritesAreUnavailableReadsFallBackToTheStore() {
        Chat chat = aChat().inApp(app).build();
        chats.saveAll(List.of(chat));
        messages.saveAll(List.of(message(1), message(2)));
        pending.put(message(3));
        pending.outage().start();

        assertThat(reads.chat(app, chat.number())).isPresent();
        assertThat(reads.chatExists(app, chat.number())).isTrue();
        assertThat(reads.message(app, chat.number(), message(2).number())).contains(message(2));
        assertThat(reads.message(app, chat.number(), message(3).number())).isEmpty();
        assertThat(numbers(reads.messages(app, chat.number(), MessageRange.ALL.below(Long.MAX_VALUE), 10))).containsExactly(2L, 1L);
    }

    /**
     * The worker commits a write and drops its pending copy just after the read has looked in the
     * database: the read must still find the write, so it looks in the pending store first.
     */
    @Test
    void aWriteTheWorkerMovesFromPendingToStoredDuringTheReadIsStillFound() {
        Chat opened = aChat().inApp(app).build();
        Message posted = message(1);

        assertThat(racingWorker(opened, posted).chat(app, opened.number())).contains(opened);
        assertThat(racingWorker(opened, posted).message(app, posted.chatNumber(), posted.number())).contains(posted);
        assertThat(racingWorker(opened, posted).messages(app, posted.chatNumber(), MessageRange.ALL.below(Long.MAX_VALUE), 10))
                .containsExactly(posted);
    }

    /**
     * The worker applies a pending reaction and settles it after the page (and its summary) was read but
     * before the stored reactions are: counted once, neither missed nor doubled.
     */
    @Test
    void aReactionTheWorkerCommitsWhileAPageIsReadIsCountedOnce() {
        FakePendingWrites racingPending = new FakePendingWrites();
        FakeChatStore racingChats = new FakeChatStore();
        FakeReactionStore stored = new FakeReactionStore();
        FakeMessageStore racingMessages = new FakeMessageStore(racingChats, stored);
        Message posted = message(1);
        racingMessages.saveAll(List.of(posted));
        ReactionAdded clap = Reactions.aReaction().on(app, posted.chatNumber().value(), 1).by("bob").build();
        racingPending.put(clap.applyTo(null));
        AtomicBoolean committed = new AtomicBoolean();
        ReactionStore committingMidRead = new ReactionStore() {
            @Override
            public List<Reaction> applyAll(List<ReactionAdded> events) {
                return stored.applyAll(events);
            }

            @Override
            public Map<Reaction.Key, Reaction> find(AppId app, ChatNumber chat, java.util.Collection<Reaction.Key> keys) {
                commitOnce();
                return stored.find(app, chat, keys);
            }

            @Override
            public Snapshot snapshot(AppId app, ChatNumber chat, java.util.Collection<Reaction.Key> keys) {
                commitOnce();
                return stored.snapshot(app, chat, keys);
            }

            private void commitOnce() {
                if (committed.compareAndSet(false, true)) {
                    racingPending.settleReactions(stored.applyAll(List.of(clap)));
                }
            }
        };
        ChatReads racing = new ChatReads(racingPending, racingChats, racingMessages, new FakeUserStore(), committingMidRead,
                new FakeReceiptStore(), new FakeRecentMessagesCache());

        Message read = racing.message(app, posted.chatNumber(), posted.number()).orElseThrow();

        assertThat(committed).isTrue();
        assertThat(read.reactions().counts()).containsExactlyEntriesOf(Map.of(clap.type().value(), 1L));
        assertThat(read.reactions().scores()).containsExactlyEntriesOf(Map.of(clap.type().value(), (long) clap.score().value()));
    }

    /**
     * Reads over fresh fakes that hold the chat and the message pending, with a worker that persists and
     * settles both right after the first database read has returned.
     */
    private static ChatReads racingWorker(Chat chat, Message message) {
        FakePendingWrites pending = new FakePendingWrites();
        FakeChatStore chats = new FakeChatStore();
        FakeMessageStore messages = new FakeMessageStore(chats);
        pending.put(chat);
        pending.put(message);
        Runnable worker = () -> {
            chats.saveAll(List.of(chat));
            pending.settleChats(List.of(chat));
            messages.saveAll(List.of(message));
            pending.settleMessages(List.of(message));
        };
        AtomicBoolean moved = new AtomicBoolean();
        Runnable once = () -> {
            if (moved.compareAndSet(false, true)) {
                worker.run();
            }
        };
        ChatStore racingChats = new ChatStore() {
            @Override
            public Optional<Chat> find(AppId app, ChatNumber number) {
                Optional<Chat> found = chats.find(app, number);
                once.run();
                return found;
            }

            @Override
            public List<Chat> page(AppId app, InboxFilter filter, InboxPosition after, int limit) {
                return chats.page(app, filter, after, limit);
            }

            @Override
            public List<InboxEntry> inbox(AppId app, InboxFilter filter, InboxPosition after, int limit) {
                return chats.inbox(app, filter, after, limit);
            }

            @Override
            public List<InboxSlot> window(AppId app, InboxFilter filter, InboxPosition after, int size) {
                return chats.window(app, filter, after, size);
            }

            @Override
            public List<InboxSlot> slots(AppId app, java.util.Set<ChatNumber> numbers) {
                return chats.slots(app, numbers);
            }

            @Override
            public void saveAll(List<Chat> saved) {
                chats.saveAll(saved);
            }
        };
        MessageStore racingMessages = new MessageStore() {
            @Override
            public Optional<Message> find(AppId app, ChatNumber chatNumber, MessageNumber number) {
                Optional<Message> found = messages.find(app, chatNumber, number);
                once.run();
                return found;
            }

            @Override
            public List<Message> findAll(AppId app, java.util.Collection<Key> keys) {
                List<Message> found = messages.findAll(app, keys);
                once.run();
                return found;
            }

            @Override
            public List<Message> page(AppId app, ChatNumber chatNumber, MessageRange range, int limit) {
                List<Message> found = messages.page(app, chatNumber, range, limit);
                once.run();
                return found;
            }

            @Override
            public List<Message> walk(AppId app, Position after, int limit) {
                return messages.walk(app, after, limit);
            }

            @Override
            public void saveAll(List<Message> saved) {
                messages.saveAll(saved);
            }
        };
        return reads(pending, racingChats, racingMessages);
    }

    private static ChatReads reads(FakePendingWrites pending, ChatStore chats, MessageStore messages) {
        return new ChatReads(pending, chats, messages, new FakeUserStore(), new FakeReactionStore(), new FakeReceiptStore(),
                new FakeRecentMessagesCache());
    }

    private Message message(long number) {
        return aMessage().inApp(app).numbered(number).withBody("message " + number).build();
    }

    private static List<Long> numbers(List<Message> found) {
        return found.stream().map(m -> m.number().value()).toList();
    }
}
