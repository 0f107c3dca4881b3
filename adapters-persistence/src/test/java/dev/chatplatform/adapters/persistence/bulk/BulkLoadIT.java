package dev.chatplatform.adapters.persistence.bulk;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.CountStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.chatplatform.application.mothers.Apps.aName;
import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Reactions.aReaction;
import static dev.chatplatform.application.mothers.Receipts.aReceipt;
import static dev.chatplatform.application.mothers.Times.T0;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static dev.chatplatform.application.mothers.Users.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same tiny application twice: once bulk-loaded as the data set generator loads it, once written through
 * the stores as the worker writes it (then reconciled). Read back through the ports, the two must be the
 * same but for their ids, and the bulk load must read back as exactly what it was given: the bulk rows are
 * what the worker would have written.
 */
@PersistenceIT
class BulkLoadIT {

    @Autowired
    private BulkLoad bulk;

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    private AppStore apps;

    @Autowired
    private UserStore users;

    @Autowired
    private ChatStore chats;

    @Autowired
    private MessageStore messages;

    @Autowired
    private ReactionStore reactions;

    @Autowired
    private ReceiptStore receipts;

    @Autowired
    private NumberReservations reservations;

    @Autowired
    private CountStore counts;

    @Test
    void aBulkLoadedAppReadsThroughThePortsAsWhatItWasGiven() {
        AppToken token = AppToken.generate();
        TinyApp tiny = new TinyApp(apps.create(token, aName(), T0).id());

        load(tiny);

        AppId app = tiny.app;
        assertThat(apps.findByToken(token)).map(App::chatsCount).contains(3L);
        tiny.users.forEach(user -> assertThat(users.find(app, user.id())).contains(user));
        tiny.chats().forEach(chat -> assertThat(chats.find(app, chat.number())).contains(chat));
        tiny.messages().forEach(message -> assertThat(messages.find(app, message.chatNumber(), message.number()))
                .contains(message));
        assertThat(messages.find(app, ChatNumber.of(1), MessageNumber.of(1)).orElseThrow().reactions().scores())
                .containsEntry("like", 1L).containsEntry("clap", 3L);
        tiny.reactions().forEach(reaction -> assertThat(reactions.find(app, reaction.chat(), List.of(reaction.key())))
                .containsExactly(Map.entry(reaction.key(), reaction)));
        tiny.receipts.forEach(receipt -> assertThat(receipts.ofChat(app, receipt.chat()))
                .containsEntry(receipt.user(), receipt));
        tiny.reservations().forEach(reservation -> assertThat(reservations.reservedUpTo(reservation.sequence()))
                .isEqualTo(reservation.reservedUpTo()));
        assertThat(numbers(chats.page(app, InboxFilter.ALL, null, 10))).containsExactly(2L, 1L, 3L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chats WHERE app_id = ? AND last_message_number > 0 "
                + "AND last_message_body IS NULL", Long.class, app.value())).as("chats without their last message's copies")
                .isZero();
        assertThat(numbers(chats.page(app, new InboxFilter("bob", Set.of(), null), null, 10))).containsExactly(2L, 1L);
        assertThat(numbers(chats.page(app, new InboxFilter("lobby", Set.of(), null), null, 10))).containsExactly(3L);
        assertThat(numbers(chats.page(app, new InboxFilter(null, Set.of(), new UserId("carol")), null, 10)))
                .containsExactly(2L);
        // Created in the other order: the participants' copies of the activity hold the last messages too.
        assertThat(numbers(chats.page(app, new InboxFilter(null, Set.of(), new UserId("alice")), null, 10)))
                .containsExactly(2L, 1L);
    }

    @Test
    void aBulkLoadedAppReadsAsTheSameAppWrittenByTheWorker() {
        AppToken loadedToken = AppToken.generate();
        AppToken writtenToken = AppToken.generate();
        TinyApp loaded = new TinyApp(apps.create(loadedToken, aName(), T0).id());
        TinyApp written = new TinyApp(apps.create(writtenToken, aName(), T0).id());

        load(loaded);
        writeAsTheWorker(written);

        assertThat(readBack(loadedToken, loaded)).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*appId")
                .isEqualTo(readBack(writtenToken, written));
    }

    @Test
    void aRowThatExistsFailsTheLoadRatherThanBeingMerged() {
        AppId app = apps.create(AppToken.generate(), aName(), T0).id();
        Chat chat = aChat().inApp(app).titled("Before").build();
        bulk.chats(List.of(chat));

        Chat retitled = chat.retitle(new ChatTitle("After"), secondsAfterT0(1));
        assertThatThrownBy(() -> bulk.chats(List.of(retitled))).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(chats.find(app, chat.number())).contains(chat);
    }

    /** As the data set generator loads: users and receipts through their stores, the rest in bulk. */
    private void load(TinyApp tiny) {
        users.saveAll(tiny.users);
        bulk.chats(tiny.chats());
        bulk.searchText(tiny.app, tiny.chats().stream().map(Chat::number).toList());
        receipts.saveAll(tiny.receipts);
        bulk.messages(tiny.messages(), tiny.reactions());
        bulk.numberReservations(tiny.reservations());
        bulk.chatsCount(tiny.app, tiny.chatsAsCreated.size());
    }

    /** The stores as the worker calls them, chats before their messages, then the count reconciler. */
    private void writeAsTheWorker(TinyApp tiny) {
        users.saveAll(tiny.users);
        chats.saveAll(tiny.chatsAsCreated);
        messages.saveAll(tiny.messagesAsSent);
        reactions.applyAll(tiny.events);
        receipts.saveAll(tiny.receipts);
        tiny.reservations().forEach(r -> reservations.reserveUpTo(r.sequence(), r.reservedUpTo()));
        while (counts.reconcileChanged(100) > 0) {
            // until every scope the writes marked is recounted
        }
    }

    /** Everything the ports answer about the application, keyed without its id. */
    private Map<String, Object> readBack(AppToken token, TinyApp tiny) {
        AppId app = tiny.app;
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("chats_count", apps.findByToken(token).map(App::chatsCount));
        tiny.users.forEach(user -> read.put("user " + user.id().value(), users.find(app, user.id())));
        for (Chat chat : tiny.chatsAsCreated) {
            read.put("chat " + chat.number().value(), chats.find(app, chat.number()));
            read.put("inbox entry of " + chat.number().value(),
                    chats.inbox(app, InboxFilter.among(Set.of(chat.number())), null, 1));
            read.put("messages of " + chat.number().value(), messages.page(app, chat.number(), MessageRange.ALL, 10));
            read.put("receipts of " + chat.number().value(), receipts.ofChat(app, chat.number()));
            read.put("reactions in " + chat.number().value(), reactions.find(app, chat.number(),
                    tiny.events.stream().filter(e -> e.chat().equals(chat.number())).map(ReactionAdded::key).toList()));
            read.put("message numbers reserved in " + chat.number().value(),
                    reservations.reservedUpTo(NumberSequence.messagesOf(app, chat.number())));
        }
        read.put("chat numbers reserved", reservations.reservedUpTo(NumberSequence.chatsOf(app)));
        read.put("inbox", chats.page(app, InboxFilter.ALL, null, 10));
        read.put("inbox q=bob", chats.page(app, new InboxFilter("bob", Set.of(), null), null, 10));
        read.put("inbox q=+4915", chats.page(app, new InboxFilter("+4915", Set.of(), null), null, 10));
        read.put("inbox of alice", chats.page(app, new InboxFilter(null, Set.of(), new UserId("alice")), null, 10));
        return read;
    }

    private static List<Long> numbers(List<Chat> chats) {
        return chats.stream().map(chat -> chat.number().value()).toList();
    }

    /**
     * Three users (one without a phone); a direct chat with two messages, a group chat with one, an open chat
     * without any; reactions on two messages, receipts in two chats. As the API accepted it: chats without
     * their derived data, messages without reactions, reaction events.
     */
    private static final class TinyApp {
        final AppId app;
        final List<User> users;
        final List<Chat> chatsAsCreated;
        final List<Message> messagesAsSent;
        final List<ReactionAdded> events;
        final List<Receipt> receipts;

        TinyApp(AppId app) {
            this.app = app;
            users = List.of(
                    aUser().inApp(app).withId("alice").named("Alice Example").withPhone("+4915112345678").build(),
                    aUser().inApp(app).withId("bob").named("Bob Builder").withoutPhone().build(),
                    aUser().inApp(app).withId("carol").named("Carol Night").withPhone("+14155550123").build());
            chatsAsCreated = List.of(
                    aChat().inApp(app).numbered(1).untitled().withParticipants("bob", "alice")
                            .createdAt(secondsAfterT0(2)).build(),
                    aChat().inApp(app).numbered(2).titled("Night shift").withParticipants("carol", "alice", "bob")
                            .createdAt(secondsAfterT0(1)).build(),
                    aChat().inApp(app).numbered(3).titled("Lobby").createdAt(secondsAfterT0(3)).build());
            messagesAsSent = List.of(
                    aMessage().in(app, 1).numbered(1).sentBy("alice").withBody("hi bob")
                            .createdAt(secondsAfterT0(10)).build(),
                    aMessage().in(app, 1).numbered(2).sentBy("bob").withBody("hello")
                            .createdAt(secondsAfterT0(20)).build(),
                    aMessage().in(app, 2).numbered(1).sentBy("carol").withBody("who is on?")
                            .createdAt(secondsAfterT0(30)).build());
            events = List.of(
                    aReaction().on(app, 1, 1).by("bob").ofType("like").at(secondsAfterT0(40)).build(),
                    aReaction().on(app, 1, 1).by("bob").ofType("clap").scoring(3).at(secondsAfterT0(41)).build(),
                    aReaction().on(app, 2, 1).by("alice").ofType("heart").at(secondsAfterT0(42)).build());
            receipts = List.of(
                    aReceipt().in(app, 1).of("bob").deliveredUpTo(2).readUpTo(1)
                            .updatedAt(secondsAfterT0(50)).build(),
                    aReceipt().in(app, 2).of("alice").deliveredUpTo(1).readUpTo(1)
                            .updatedAt(secondsAfterT0(51)).build());
        }

        /** The chats with what the reconciler derives from their messages. */
        List<Chat> chats() {
            List<Chat> chats = new ArrayList<>();
            for (Chat chat : chatsAsCreated) {
                List<Message> in = messagesAsSent.stream().filter(m -> m.chatNumber().equals(chat.number())).toList();
                Instant last = in.isEmpty() ? null : in.getLast().createdAt();
                chats.add(new Chat(app, chat.number(), chat.title(), chat.participants(), in.size(), in.size(), last,
                        chat.createdAt(), chat.updatedAt()));
            }
            return chats;
        }

        /** Each event's reaction: every event here is the first of its (message, user, type). */
        List<Reaction> reactions() {
            return events.stream().map(Reaction::first).toList();
        }

        /** The messages with the summaries of their reactions. */
        List<Message> messages() {
            return messagesAsSent.stream().map(m -> {
                ReactionSummary summary = ReactionSummary.EMPTY;
                for (Reaction reaction : reactions()) {
                    if (reaction.chat().equals(m.chatNumber()) && reaction.message().equals(m.number())) {
                        summary = summary.with(null, reaction);
                    }
                }
                return new Message(app, m.chatNumber(), m.number(), m.body(), m.sender(), summary, m.createdAt(),
                        m.updatedAt());
            }).toList();
        }

        /** One block above the highest number of each sequence, as the allocator keeps them. */
        List<BulkLoad.Reservation> reservations() {
            List<BulkLoad.Reservation> reservations = new ArrayList<>();
            reservations.add(new BulkLoad.Reservation(NumberSequence.chatsOf(app), 1_000 + chatsAsCreated.size()));
            for (Chat chat : chats()) {
                reservations.add(new BulkLoad.Reservation(NumberSequence.messagesOf(app, chat.number()),
                        1_000 + chat.lastMessageNumber()));
            }
            return reservations;
        }
    }
}
