package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.application.port.out.RecentMessagesCache.Hit;
import dev.chatplatform.application.port.out.RecentMessagesCache.Lookup;
import dev.chatplatform.application.port.out.RecentMessagesCache.Miss;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.T0;
import static dev.chatplatform.application.mothers.Times.millisAfterT0;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link RecentMessagesCache}'s Javadoc promises, for every implementation. */
public abstract class RecentMessagesCacheContract extends PortContract {

    /** The cache under test; called once per test. */
    protected abstract RecentMessagesCache recentMessagesCache();

    private RecentMessagesCache cache;

    private RecentMessagesCache subject() {
        if (cache == null) {
            cache = recentMessagesCache();
        }
        return cache;
    }

    @Test
    void aChatNeverFilledIsAMiss() {
        AppId app = newApp();

        assertThat(subject().lookup(app, ChatNumber.of(1))).isInstanceOf(Miss.class);
    }

    @Test
    void aFillWithTheGenerationOfTheMissIsTheNextHit() {
        AppId app = newApp();
        List<Message> newestFirst = newestFirst(app, 1, 5);

        subject().fill(app, ChatNumber.of(1), missOf(app, 1).generation(), newestFirst);

        assertThat(subject().lookup(app, ChatNumber.of(1))).isEqualTo(new Hit(newestFirst));
    }

    @Test
    void messagesComeBackWithSenderAndReactionsExactly() {
        AppId app = newApp();
        Message plain = aMessage().in(app, 1).numbered(1).withBody("Grüße 👋 \"quoted\" \\ back\nslash").build();
        Reaction clap = reaction(app, 2, "alice", "clap", 7);
        Reaction like = reaction(app, 2, "bob", "+1", 1);
        ReactionSummary summary = ReactionSummary.EMPTY.with(null, clap).with(null, like);
        Message reacted = Message.post(app, ChatNumber.of(1), MessageNumber.of(2), new MessageBody("with reactions"),
                new UserId("carol@example.com"), secondsAfterT0(1)).withReactions(summary);
        List<Message> newestFirst = List.of(reacted, plain);

        subject().fill(app, ChatNumber.of(1), missOf(app, 1).generation(), newestFirst);

        Lookup lookup = subject().lookup(app, ChatNumber.of(1));
        assertThat(lookup).isEqualTo(new Hit(newestFirst));
        Message cached = ((Hit) lookup).newestFirst().getFirst();
        assertThat(cached.sender()).isEqualTo(new UserId("carol@example.com"));
        assertThat(cached.reactions().counts()).containsEntry("clap", 1L).containsEntry("+1", 1L);
        assertThat(cached.reactions().scores()).containsEntry("clap", 7L);
        assertThat(cached.reactions().latest()).containsExactlyElementsOf(summary.latest());
    }

    @Test
    void aChatWithoutMessagesIsCachedToo() {
        AppId app = newApp();

        subject().fill(app, ChatNumber.of(1), missOf(app, 1).generation(), List.of());

        assertThat(subject().lookup(app, ChatNumber.of(1))).isEqualTo(new Hit(List.of()));
    }

    @Test
    void aFullEntryHoldsTheNewestSizeMessagesNewestFirst() {
        AppId app = newApp();
        List<Message> newestFirst = newestFirst(app, 1, RecentMessagesCache.SIZE);

        subject().fill(app, ChatNumber.of(1), missOf(app, 1).generation(), newestFirst);

        assertThat(((Hit) subject().lookup(app, ChatNumber.of(1))).newestFirst()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aFillComputedBeforeAnInvalidationIsRefused() {
        AppId app = newApp();
        Miss miss = missOf(app, 1);
        List<Message> readBeforeTheCommit = newestFirst(app, 1, 3);

        subject().invalidate(app, List.of(ChatNumber.of(1)));
        subject().fill(app, ChatNumber.of(1), miss.generation(), readBeforeTheCommit);

        assertThat(subject().lookup(app, ChatNumber.of(1))).isInstanceOf(Miss.class);
    }

    @Test
    void invalidationDropsTheEntryAndTheNextMissCanFillAgain() {
        AppId app = newApp();
        subject().fill(app, ChatNumber.of(1), missOf(app, 1).generation(), newestFirst(app, 1, 3));

        subject().invalidate(app, List.of(ChatNumber.of(1)));

        Miss miss = missOf(app, 1);
        List<Message> afterTheCommit = newestFirst(app, 1, 4);
        subject().fill(app, ChatNumber.of(1), miss.generation(), afterTheCommit);
        assertThat(subject().lookup(app, ChatNumber.of(1))).isEqualTo(new Hit(afterTheCommit));
    }

    @Test
    void everyInvalidationMovesTheGeneration() {
        AppId app = newApp();
        long before = missOf(app, 1).generation();

        subject().invalidate(app, List.of(ChatNumber.of(1)));
        long once = missOf(app, 1).generation();
        subject().invalidate(app, List.of(ChatNumber.of(1)));
        long twice = missOf(app, 1).generation();

        assertThat(List.of(before, once, twice)).doesNotHaveDuplicates();
    }

    @Test
    void invalidatingSomeChatsLeavesTheOthersAndOtherApplicationsCached() {
        AppId app = newApp();
        AppId otherApp = newApp();
        for (long chat = 1; chat <= 3; chat++) {
            subject().fill(app, ChatNumber.of(chat), missOf(app, chat).generation(), newestFirst(app, chat, 2));
        }
        subject().fill(otherApp, ChatNumber.of(1), missOf(otherApp, 1).generation(), newestFirst(otherApp, 1, 2));

        subject().invalidate(app, List.of(ChatNumber.of(1), ChatNumber.of(3)));

        assertThat(subject().lookup(app, ChatNumber.of(1))).isInstanceOf(Miss.class);
        assertThat(subject().lookup(app, ChatNumber.of(2))).isEqualTo(new Hit(newestFirst(app, 2, 2)));
        assertThat(subject().lookup(app, ChatNumber.of(3))).isInstanceOf(Miss.class);
        assertThat(subject().lookup(otherApp, ChatNumber.of(1))).isEqualTo(new Hit(newestFirst(otherApp, 1, 2)));
    }

    @Test
    void invalidatingNothingChangesNothing() {
        AppId app = newApp();
        subject().fill(app, ChatNumber.of(1), missOf(app, 1).generation(), newestFirst(app, 1, 2));

        subject().invalidate(app, List.of());

        assertThat(subject().lookup(app, ChatNumber.of(1))).isInstanceOf(Hit.class);
    }

    /**
     * The worker commits and invalidates while readers miss, read "the database" and fill. Once a
     * commit's invalidation has returned, no reader may be served a state from before that commit.
     */
    private static final long DATABASE_READ_NANOS = 200_000;

    @Test
    void underConcurrentCommitsAHitIsNeverOlderThanTheLastInvalidatedCommit() throws Exception {
        AppId app = newApp();
        RecentMessagesCache cache = subject();
        ChatNumber chat = ChatNumber.of(1);
        AtomicLong database = new AtomicLong(1);
        AtomicLong invalidatedUpTo = new AtomicLong(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> staleHits = new CopyOnWriteArrayList<>();
        AtomicLong hits = new AtomicLong();
        try (ExecutorService readers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int reader = 0; reader < 4; reader++) {
                done.add(readers.submit(() -> {
                    while (writing.get()) {
                        long floor = invalidatedUpTo.get();
                        switch (cache.lookup(app, chat)) {
                            case Hit(List<Message> newestFirst) -> {
                                hits.incrementAndGet();
                                long seen = newestFirst.getFirst().number().value();
                                if (seen < floor) {
                                    staleHits.add("saw " + seen + " after commit " + floor + " was invalidated");
                                }
                            }
                            case Miss(long generation) -> {
                                long newest = database.get();
                                LockSupport.parkNanos(DATABASE_READ_NANOS); // the read takes a while: commits land meanwhile
                                cache.fill(app, chat, generation, List.of(aMessage().in(app, 1).numbered(newest).build()));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (long commit = 2; commit <= 300; commit++) {
                database.set(commit);
                cache.invalidate(app, List.of(chat));
                invalidatedUpTo.set(commit);
                // the next commit waits until a reader was served again, so every commit races with fills
                long served = hits.get();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (hits.get() == served && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(hits.get()).as("a reader was served after commit %d", commit).isGreaterThan(served);
            }
            writing.set(false);
            for (Future<?> reader : done) {
                reader.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(staleHits).isEmpty();
    }

    private Miss missOf(AppId app, long chat) {
        Lookup lookup = subject().lookup(app, ChatNumber.of(chat));
        assertThat(lookup).isInstanceOf(Miss.class);
        return (Miss) lookup;
    }

    /** Messages {@code count..1} of a chat, newest first, as the database returns a first page. */
    private static List<Message> newestFirst(AppId app, long chat, int count) {
        return LongStream.iterate(count, n -> n >= 1, n -> n - 1)
                .mapToObj(n -> aMessage().in(app, chat).numbered(n).withBody("message " + n + " of chat " + chat)
                        .createdAt(millisAfterT0(n)).build())
                .toList();
    }

    private static Reaction reaction(AppId app, long message, String user, String type, long score) {
        return new Reaction(app, ChatNumber.of(1), MessageNumber.of(message), new UserId(user), new ReactionType(type),
                score, T0, secondsAfterT0(score));
    }
}
