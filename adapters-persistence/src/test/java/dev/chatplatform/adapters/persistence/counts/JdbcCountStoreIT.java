package dev.chatplatform.adapters.persistence.counts;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.app.JpaAppStore;
import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.application.mothers.Apps;
import dev.chatplatform.application.mothers.Times;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.application.port.out.ChatStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** chats_count and messages_count against MariaDB/MySQL: only what changed is recounted, and nothing is missed. */
@PersistenceIT
class JdbcCountStoreIT {

    @Autowired
    private JdbcCountStore counts;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    private JpaAppStore apps;
    @Autowired
    private JdbcChatStore chats;
    @Autowired
    private JdbcMessageStore messages;

    private App app;

    @BeforeEach
    void newApplication() {
        drain();
        app = apps.create(AppToken.generate(), Apps.aName(), Times.T0);
    }

    @Test
    void countsEqualTheTruthAfterReconciliation() {
        chats.saveAll(List.of(chat(1), chat(2), chat(3)));
        messages.saveAll(messagesOf(1, 1, 40));
        messages.saveAll(messagesOf(2, 1, 7));

        drain();

        assertThat(apps.findByToken(app.token()).orElseThrow().chatsCount()).isEqualTo(3);
        assertThat(chats.find(app.id(), ChatNumber.of(1)).orElseThrow().messagesCount()).isEqualTo(40);
        assertThat(chats.find(app.id(), ChatNumber.of(2)).orElseThrow().messagesCount()).isEqualTo(7);
        assertThat(chats.find(app.id(), ChatNumber.of(3)).orElseThrow().messagesCount()).isZero();
    }

    @Test
    void scopesBeyondOneTransactionAreEachCountedRight() {
        int chatCount = JdbcCountStore.SCOPES_PER_TRANSACTION * 2 + 17;
        List<dev.chatplatform.domain.chat.Chat> many = new ArrayList<>();
        for (int chat = 1; chat <= chatCount; chat++) {
            many.add(chat(chat));
        }
        chats.saveAll(many);
        for (int chat = 1; chat <= chatCount; chat += 3) {
            messages.saveAll(messagesOf(chat, 1, chat % 7 + 1));
        }

        drain();

        assertThat(apps.findByToken(app.token()).orElseThrow().chatsCount()).isEqualTo(chatCount);
        for (int chat = 1; chat <= chatCount; chat++) {
            long expected = (chat - 1) % 3 == 0 ? chat % 7 + 1 : 0;
            assertThat(chats.find(app.id(), ChatNumber.of(chat)).orElseThrow().messagesCount()).as("chat %d", chat)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aRedeliveredBatchDoesNotChangeTheCounts() {
        chats.saveAll(List.of(chat(1)));
        List<Message> batch = messagesOf(1, 1, 25);
        messages.saveAll(batch);
        drain();

        messages.saveAll(batch);
        chats.saveAll(List.of(chat(1)));
        drain();

        assertThat(chats.find(app.id(), ChatNumber.of(1)).orElseThrow().messagesCount()).isEqualTo(25);
        assertThat(apps.findByToken(app.token()).orElseThrow().chatsCount()).isEqualTo(1);
    }

    @Test
    void nothingChangedMeansNothingIsRecounted() {
        chats.saveAll(List.of(chat(1)));
        messages.saveAll(messagesOf(1, 1, 3));
        assertThat(drain()).isPositive();

        assertThat(counts.reconcileChanged(500)).isZero();
    }

    @Test
    void messagesPersistedBeforeTheirChatAreCountedOnceTheChatArrives() {
        List<Message> early = messagesOf(5, 1, 12);
        messages.saveAll(early);
        drain();

        chats.saveAll(List.of(aChat().inApp(app.id()).numbered(5).withParticipants("alice").createdAt(Times.T0).build(),
                aChat().inApp(app.id()).numbered(6).withParticipants("alice").createdAt(Times.T0).build()));
        drain();

        Chat chat = chats.find(app.id(), ChatNumber.of(5)).orElseThrow();
        assertThat(chat.messagesCount()).isEqualTo(12);
        assertThat(chat.lastMessageAt()).isEqualTo(early.getLast().createdAt());
        assertThat(chat.lastMessageNumber()).isEqualTo(12);
        // The copies of the last message the row keeps for the inbox, read straight from the row.
        assertThat(jdbc.queryForObject("SELECT last_message_body FROM chats WHERE app_id = ? AND number = 5",
                String.class, app.id().value())).isEqualTo(early.getLast().body().value());
        assertThat(chats.inbox(app.id(), ChatStore.InboxFilter.ALL, null, 1).getFirst().lastMessage())
                .isEqualTo(messages.find(app.id(), ChatNumber.of(5), early.getLast().number()).orElseThrow());
        // Created together, but 5 has messages: it comes first, in the inbox and in its participant's.
        assertThat(chats.page(app.id(), ChatStore.InboxFilter.ALL, null, 10)).extracting(c -> c.number().value())
                .containsExactly(5L, 6L);
        assertThat(chats.page(app.id(), new ChatStore.InboxFilter(null, Set.of(), new UserId("alice")), null, 10))
                .extracting(c -> c.number().value()).containsExactly(5L, 6L);
    }

    @Test
    void writesRacingWithTheReconcilerAreNeverLeftUncounted() throws Exception {
        chats.saveAll(List.of(chat(1)));
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> reconciler = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                counts.reconcileChanged(500);
            }
        });
        for (long first = 1; first <= 2_000; first += 100) {
            messages.saveAll(messagesOf(1, first, first + 99));
        }
        writing.set(false);
        reconciler.get();

        drain();

        assertThat(chats.find(app.id(), ChatNumber.of(1)).orElseThrow().messagesCount()).isEqualTo(2_000);
    }

    private int drain() {
        int total = 0;
        for (int done = counts.reconcileChanged(500); done > 0; done = counts.reconcileChanged(500)) {
            total += done;
        }
        return total;
    }

    private Chat chat(long number) {
        return aChat().inApp(app.id()).numbered(number).createdAt(Times.T0).build();
    }

    private List<Message> messagesOf(long chat, long from, long to) {
        AppId appId = app.id();
        List<Message> batch = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(n -> batch.add(aMessage().in(appId, chat).numbered(n)
                .createdAt(Instant.ofEpochMilli(Times.T0.toEpochMilli() + n)).build()));
        return batch;
    }
}
