package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.AddReactionUseCase;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.in.PostReceiptUseCase;
import dev.chatplatform.application.port.in.PutUserUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.MessageStatus;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, participants, reactions, receipts, ranged lists and the inbox, over the in-memory platform. */
class MessagingModelServicesTest {

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final App app = platform.anApp();

    @Nested
    class Users {

        @Test
        void aFirstPutCreatesAndALaterOneUpdatesKeepingTheCreationTime() {
            PutUserUseCase.Result created = put("alice", "Alice", "+4915112345678");
            platform.clock.advance(Duration.ofSeconds(5));
            PutUserUseCase.Result updated = put("alice", "Alice Smith", null);

            assertThat(created.created()).isTrue();
            assertThat(updated.created()).isFalse();
            assertThat(updated.user().createdAt()).isEqualTo(created.user().createdAt());
            assertThat(updated.user().updatedAt()).isAfter(created.user().updatedAt());
            assertThat(updated.user().phone()).isNull();
        }

        @Test
        void aUserIsReadableBeforeAndAfterTheWorkerPersistsIt() {
            User alice = put("alice", "Alice", null).user();

            assertThat(platform.getUser.get(app.token(), alice.id())).isEqualTo(alice);
            platform.runWorker();
            assertThat(platform.pending.all()).isEmpty();
            assertThat(platform.getUser.get(app.token(), alice.id())).isEqualTo(alice);
        }

        @Test
        void anUnknownUserIsNotFound() {
            assertThatThrownBy(() -> platform.getUser.get(app.token(), new UserId("nobody")))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("user"));
        }
    }

    @Nested
    class Senders {

        @Test
        void aParticipantMaySendAndTheMessageCarriesTheSender() {
            Chat chat = platform.aChatOf(app, "alice", "bob");

            Message sent = platform.post(app, chat, "hi bob", "alice");

            assertThat(sent.sender()).isEqualTo(new UserId("alice"));
            assertThat(platform.getMessage.get(app.token(), chat.number(), sent.number()).message().sender())
                    .isEqualTo(new UserId("alice"));
        }

        @Test
        void aSenderOutsideTheParticipantsIsRefusedNamingTheFieldAndNothingIsQueued() {
            Chat chat = platform.aChatOf(app, "alice", "bob");
            int before = platform.queue.published().size();

            assertThatThrownBy(() -> platform.post(app, chat, "let me in", "mallory"))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sender"));
            assertThat(platform.queue.published()).hasSize(before);
        }

        @Test
        void anOpenChatTakesAnySender() {
            Chat chat = platform.aChat(app);

            assertThat(platform.post(app, chat, "hello", "whoever").sender()).isEqualTo(new UserId("whoever"));
        }

        @Test
        void aSenderToAChatThatDoesNotExistIsNotFound() {
            assertThatThrownBy(() -> platform.createMessage.create(new CreateMessageUseCase.Command(app.token(),
                    dev.chatplatform.domain.chat.ChatNumber.of(77), new MessageBody("x"), new UserId("alice"))))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("chat"));
        }
    }

    @Nested
    class Reactions {

        private final Chat chat = platform.aChatOf(app, "alice", "bob", "carol");
        private final Message message = platform.post(app, chat, "clap for me", "alice");

        @Test
        void theSameUserAndTypeAddsUpLikeClaps() {
            assertThat(react("bob", "clap", 3).score()).isEqualTo(3);
            assertThat(react("bob", "clap", 2).score()).isEqualTo(5);
            platform.runWorker();
            assertThat(react("bob", "clap", 1).score()).isEqualTo(6);
        }

        @Test
        void aReactionIsInTheMessageAtOnceAndCountedOnceAfterTheWorker() {
            react("bob", "like", 1);
            react("carol", "like", 4);
            react("carol", "clap", 2);

            assertSummary(Map.of("like", 2L, "clap", 1L), Map.of("like", 5L, "clap", 2L));
            platform.runWorker();
            assertThat(platform.pending.all()).isEmpty();
            assertSummary(Map.of("like", 2L, "clap", 1L), Map.of("like", 5L, "clap", 2L));
        }

        @Test
        void aPendingClapOnAPersistedReactionAddsOnlyItsIncrement() {
            react("bob", "clap", 10);
            platform.runWorker();
            react("bob", "clap", 5);

            assertSummary(Map.of("clap", 1L), Map.of("clap", 15L));
            platform.runWorker();
            assertSummary(Map.of("clap", 1L), Map.of("clap", 15L));
        }

        @Test
        void aRedeliveredReactionEventCountsOnce() {
            react("bob", "like", 1);
            List<Object> commands = platform.queue.published();
            platform.runWorker();
            commands.forEach(this::requeue);
            platform.runWorker();

            assertSummary(Map.of("like", 1L), Map.of("like", 1L));
        }

        @Test
        void everyParticipantReactingIsCountedExactly() {
            Chat group = platform.aChatOf(app, participants(100));
            Message post = platform.post(app, group, "vote", "u0");
            for (int i = 0; i < 100; i++) {
                platform.addReaction.add(new AddReactionUseCase.Command(app.token(), group.number(), post.number(),
                        new UserId("u" + i), new ReactionType("+1"), new ReactionScore(i % 3 + 1)));
            }
            platform.runWorker();

            Message read = platform.getMessage.get(app.token(), group.number(), post.number()).message();
            assertThat(read.reactions().counts()).containsEntry("+1", 100L);
            long expected = 0;
            for (int i = 0; i < 100; i++) {
                expected += i % 3 + 1;
            }
            assertThat(read.reactions().scores()).containsEntry("+1", expected);
            assertThat(read.reactions().latest()).hasSize(10);
        }

        @Test
        void aUserOutsideTheParticipantsCannotReact() {
            assertThatThrownBy(() -> react("mallory", "like", 1))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id"));
        }

        @Test
        void aReactionToAMessageThatDoesNotExistIsNotFound() {
            assertThatThrownBy(() -> platform.addReaction.add(new AddReactionUseCase.Command(app.token(), chat.number(),
                    dev.chatplatform.domain.message.MessageNumber.of(99), new UserId("bob"), new ReactionType("like"), null)))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("message"));
        }

        @Test
        void anEditKeepsTheReactions() {
            react("bob", "like", 1);
            platform.runWorker();
            platform.clock.advance(Duration.ofSeconds(1));

            MessageView edited = platform.editMessage.edit(new EditMessageUseCase.Command(app.token(), chat.number(),
                    message.number(), new MessageBody("edited")));

            assertThat(edited.message().reactions().counts()).containsEntry("like", 1L);
            platform.runWorker();
            assertSummary(Map.of("like", 1L), Map.of("like", 1L));
        }

        private Reaction react(String user, String type, int score) {
            platform.clock.advance(Duration.ofMillis(1));
            return platform.addReaction.add(new AddReactionUseCase.Command(app.token(), chat.number(), message.number(),
                    new UserId(user), new ReactionType(type), new ReactionScore(score)));
        }

        private void requeue(Object command) {
            switch (command) {
                case dev.chatplatform.domain.reaction.ReactionAdded event -> platform.queue.publish(event);
                case Message m -> platform.queue.publish(m);
                default -> {
                }
            }
        }

        private void assertSummary(Map<String, Long> counts, Map<String, Long> scores) {
            Message read = platform.getMessage.get(app.token(), chat.number(), message.number()).message();
            assertThat(read.reactions().counts()).isEqualTo(counts);
            assertThat(read.reactions().scores()).isEqualTo(scores);
            Message listed = platform.listMessages.list(app.token(), chat.number(), MessageRange.ALL,
                    PageRequest.of(null, null)).items().getFirst().message();
            assertThat(listed.reactions()).isEqualTo(read.reactions());
        }
    }

    @Nested
    class Receipts {

        private final Chat chat = platform.aChatOf(app, "alice", "bob", "carol");
        private final Message first = platform.post(app, chat, "one", "alice");
        private final Message second = platform.post(app, chat, "two", "alice");

        @Test
        void cursorsOnlyMoveForwardAndReadImpliesDelivered() {
            assertThat(receipt("bob", null, 2L)).extracting(Receipt::deliveredUpTo, Receipt::readUpTo).containsExactly(2L, 2L);
            assertThat(receipt("bob", 1L, 1L)).extracting(Receipt::deliveredUpTo, Receipt::readUpTo).containsExactly(2L, 2L);
            platform.runWorker();
            assertThat(receipt("bob", 0L, null)).extracting(Receipt::deliveredUpTo, Receipt::readUpTo).containsExactly(2L, 2L);
        }

        @Test
        void aReceiptBehindTheCurrentOneQueuesNothing() {
            receipt("bob", 2L, 2L);
            int before = platform.queue.published().size();

            receipt("bob", 1L, 1L);

            assertThat(platform.queue.published()).hasSize(before);
        }

        @Test
        void statusFollowsEveryOtherParticipantsCursors() {
            assertThat(status(second)).isEqualTo(MessageStatus.SENT);
            receipt("bob", 2L, null);
            assertThat(status(second)).isEqualTo(MessageStatus.SENT);
            receipt("carol", 1L, null);
            assertThat(status(first)).isEqualTo(MessageStatus.DELIVERED);
            assertThat(status(second)).isEqualTo(MessageStatus.SENT);
            receipt("carol", null, 2L);
            assertThat(status(second)).isEqualTo(MessageStatus.DELIVERED);
            receipt("bob", null, 2L);
            platform.runWorker();
            assertThat(status(second)).isEqualTo(MessageStatus.READ);
            assertThat(status(first)).isEqualTo(MessageStatus.READ);
        }

        @Test
        void aCursorPastTheNewestMessageIsRefusedNamingTheField() {
            assertThatThrownBy(() -> receipt("bob", null, 3L))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("read_up_to"));
            assertThatThrownBy(() -> receipt("bob", 9L, null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("delivered_up_to"));
        }

        @Test
        void aUserOutsideTheParticipantsCannotPostAReceipt() {
            assertThatThrownBy(() -> receipt("mallory", 1L, null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user_id"));
        }

        private Receipt receipt(String user, Long delivered, Long read) {
            platform.clock.advance(Duration.ofMillis(1));
            return platform.postReceipt.post(new PostReceiptUseCase.Command(app.token(), chat.number(), new UserId(user),
                    delivered, read));
        }

        private MessageStatus status(Message message) {
            return platform.getMessage.get(app.token(), chat.number(), message.number()).status();
        }
    }

    @Nested
    class RangedLists {

        private final Chat chat = platform.aChat(app);

        @Test
        void beforeAndAfterAreExclusiveNumbersAndSinceUntilInclusiveTimes() {
            List<Message> posted = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                posted.add(platform.post(app, chat, "m" + i));
            }
            platform.runWorker();
            platform.post(app, chat, "m11 pending");

            assertThat(numbers(new MessageRange(8L, 3L, null, null), 50)).containsExactly(7L, 6L, 5L, 4L);
            assertThat(numbers(new MessageRange(null, null, posted.get(4).createdAt(), posted.get(6).createdAt()), 50))
                    .containsExactly(7L, 6L, 5L);
            assertThat(numbers(new MessageRange(null, 9L, null, null), 50)).containsExactly(11L, 10L);
        }

        @Test
        void aRangedWalkNeedsOnlyTheCursorAndReturnsEachMessageOnceWhileMessagesArrive() {
            for (int i = 1; i <= 30; i++) {
                platform.post(app, chat, "m" + i);
            }
            platform.runWorker();
            MessageRange range = new MessageRange(26L, 3L, null, null);
            List<Long> seen = new ArrayList<>();
            Page<MessageView> page = platform.listMessages.list(app.token(), chat.number(), range, new PageRequest(4, null));
            while (true) {
                page.items().forEach(v -> seen.add(v.message().number().value()));
                platform.post(app, chat, "arriving");
                if (page.nextCursor() == null) {
                    break;
                }
                page = platform.listMessages.list(app.token(), chat.number(), MessageRange.ALL,
                        new PageRequest(4, page.nextCursor()));
            }
            assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(4, 25).boxed()
                    .sorted(java.util.Comparator.reverseOrder()).toList());
        }

        private List<Long> numbers(MessageRange range, int limit) {
            return platform.listMessages.list(app.token(), chat.number(), range, new PageRequest(limit, null)).items()
                    .stream().map(v -> v.message().number().value()).toList();
        }
    }

    @Nested
    class Inbox {

        @Test
        void mostRecentActivityFirstWithTheLastMessage() {
            Chat quiet = platform.aChatOf(app, "alice", "bob");
            Chat busy = platform.aChatOf(app, "alice", "carol");
            Chat newest = platform.aChatOf(app, "dave");
            platform.post(app, quiet, "old news", "alice");
            platform.post(app, busy, "fresh", "carol");
            platform.runWorker();

            List<ChatView> inbox = platform.listChats.list(ListChatsUseCase.Query.all(app.token(), PageRequest.of(null, null))).items();

            assertThat(inbox).extracting(v -> v.chat().number()).containsExactly(busy.number(), quiet.number(), newest.number());
            assertThat(inbox.getFirst().lastMessage().message().body().value()).isEqualTo("fresh");
            assertThat(inbox.getLast().lastMessage()).isNull();
        }

        @Test
        void qFindsChatsByTitleParticipantNameOrPhoneAndMessageBodyCaseInsensitively() {
            putUser("alice", "Alice Wonder", "+4915100000001");
            putUser("bob", "Bob Builder", "+4915100000002");
            Chat byName = platform.aChatOf(app, "alice");
            Chat byPhone = platform.aChatOf(app, "bob");
            Chat byBody = platform.aChat(app);
            platform.post(app, byBody, "We WONDER about it");
            Chat unrelated = platform.aChat(app);
            platform.runWorker();

            assertThat(query("wonder", null)).containsExactlyInAnyOrder(byName.number().value(), byBody.number().value());
            assertThat(query("00000002", null)).containsExactly(byPhone.number().value());
            assertThat(query("zzz", null)).isEmpty();
            assertThat(query(null, "alice")).containsExactly(byName.number().value());
            assertThat(query(null, null)).contains(unrelated.number().value());
        }

        @Test
        void pagesWalkTheInboxOnceEach() {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                created.add(platform.aChatOf(app, "u" + i).number().value());
            }
            platform.runWorker();
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            do {
                Page<ChatView> page = platform.listChats.list(new ListChatsUseCase.Query(app.token(), null, null,
                        new PageRequest(5, cursor)));
                page.items().forEach(v -> seen.add(v.chat().number().value()));
                cursor = page.nextCursor();
            } while (cursor != null);

            assertThat(seen).containsExactlyElementsOf(created.reversed());
        }

        /**
         * Pages of 5 walk windows of 24, 96 and 384 chats when q is common in messages (more than 2,000
         * hold "common"), and read a short list when it is not ("needle" in messages and a name; "zed" only
         * in names, of many chats: the chat index's first chats). Either way every page walk finds each chat q keeps exactly once,
         * in inbox order, whether its title, a name or a body matched.
         */
        @Test
        void qPagesFindEachMatchingChatOnceInInboxOrderWhetherCommonOrRare() {
            putUser("alice", "Rare Needleman", "+4915100000001");
            List<Long> common = new ArrayList<>();
            List<Long> needle = new ArrayList<>();
            List<Long> zed = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                if (i % 20 == 0) {
                    putUser("u" + i, "Zed " + i, null);
                }
                Chat chat = i == 300 ? platform.aChatOf(app, "alice") : platform.aChatOf(app, "u" + i);
                long number = chat.number().value();
                if (i % 3 == 0) {
                    for (int m = 0; m < 11; m++) {
                        platform.post(app, chat, "a COMMON word here");
                    }
                    common.add(number);
                }
                if (i == 7 || i == 13) {
                    platform.post(app, chat, "the rare needle, deep down");
                }
                if (i == 7 || i == 13 || i == 300) {
                    needle.add(number);
                }
                if (i % 20 == 0 && i != 300) {
                    zed.add(number);
                }
            }
            platform.runWorker();
            List<Long> inbox = walk(null);

            assertThat(walk("common")).containsExactlyElementsOf(inbox.stream().filter(common::contains).toList());
            assertThat(walk("NEEDLE")).containsExactlyElementsOf(inbox.stream().filter(needle::contains).toList());
            assertThat(walk("zed")).containsExactlyElementsOf(inbox.stream().filter(zed::contains).toList());
            assertThat(walk("no such words")).isEmpty();
        }

        private List<Long> walk(String text) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            do {
                Page<ChatView> page = platform.listChats.list(new ListChatsUseCase.Query(app.token(), text, null,
                        new PageRequest(5, cursor)));
                page.items().forEach(v -> seen.add(v.chat().number().value()));
                cursor = page.nextCursor();
            } while (cursor != null);
            return seen;
        }

        @Test
        void aCursorWhoseTimeNoDatabaseCanHoldIsRefused() {
            String forged = dev.chatplatform.application.Cursors.encode("inbox",
                    java.time.Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(), 1);

            assertThatThrownBy(() -> platform.listChats.list(new ListChatsUseCase.Query(app.token(), null, null,
                    new PageRequest(5, forged))))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }

        private List<Long> query(String text, String participant) {
            return platform.listChats.list(new ListChatsUseCase.Query(app.token(), text,
                            participant == null ? null : new UserId(participant), PageRequest.of(null, null)))
                    .items().stream().map(v -> v.chat().number().value()).toList();
        }
    }

    @Nested
    class RecentMessages {

        private final Chat chat = platform.aChat(app);

        @Test
        void theFirstPageIsServedFromTheCacheOnceFilledAndAnEditInvalidatesIt() {
            Message posted = platform.post(app, chat, "v1");
            platform.runWorker();
            firstPage();
            assertThat(platform.recent.lookup(app.id(), chat.number())).isInstanceOf(
                    dev.chatplatform.application.port.out.RecentMessagesCache.Hit.class);

            platform.clock.advance(Duration.ofSeconds(1));
            platform.editMessage.edit(new EditMessageUseCase.Command(app.token(), chat.number(), posted.number(),
                    new MessageBody("v2")));
            assertThat(firstPage()).containsExactly("v2");
            platform.runWorker();
            assertThat(platform.pending.all()).isEmpty();
            assertThat(firstPage()).containsExactly("v2");
        }

        @Test
        void withTheCacheDownTheFirstPageComesFromTheDatabase() {
            platform.post(app, chat, "stored");
            platform.runWorker();
            platform.recent.outage().start();

            assertThat(firstPage()).containsExactly("stored");
        }

        private List<String> firstPage() {
            return platform.listMessages.list(app.token(), chat.number(), MessageRange.ALL, PageRequest.of(null, null))
                    .items().stream().map(v -> v.message().body().value()).toList();
        }
    }

    private PutUserUseCase.Result put(String id, String name, String phone) {
        platform.clock.advance(Duration.ofMillis(1));
        return platform.putUser.put(new PutUserUseCase.Command(app.token(), new UserId(id), new UserName(name),
                phone == null ? null : new Phone(phone)));
    }

    private void putUser(String id, String name, String phone) {
        put(id, name, phone);
    }

    private static String[] participants(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "u" + i;
        }
        return ids;
    }
}
