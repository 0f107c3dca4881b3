package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.application.contract.ChatStoreContract;
import dev.chatplatform.adapters.persistence.reaction.JdbcReactionStore;
import dev.chatplatform.adapters.persistence.receipt.JdbcReceiptStore;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Reactions.aReaction;
import static dev.chatplatform.application.mothers.Times.millisAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

@PersistenceIT
class JdbcChatStoreIT extends ChatStoreContract {

    @Autowired
    private JdbcChatStore store;

    @Autowired
    private JdbcMessageStore messages;

    @Autowired
    private JdbcReceiptStore receipts;

    @Autowired
    private JdbcReactionStore reactions;

    @Override
    protected ChatStore chatStore() {
        return store;
    }

    @Override
    protected MessageStore messageStore() {
        return messages;
    }

    @Override
    protected ReceiptStore receiptStore() {
        return receipts;
    }

    /**
     * The inbox reads the last message's reaction summary and the receipts from copies on the chat row (V5):
     * each follows its source through reactions on the last message and on older ones, a new last message
     * (with reactions persisted before it, as a replayed dead letter would bring them), and moved cursors.
     */
    @Test
    void theInboxCopiesOfTheLastMessagesReactionsAndTheReceiptsFollowTheirSources() {
        AppId app = newApp();
        store.saveAll(List.of(aChat().inApp(app).numbered(1).withParticipants("alice", "bob").createdAt(millisAfterT0(0)).build()));
        messages.saveAll(List.of(aMessage().in(app, 1).numbered(1).sentBy("alice").createdAt(millisAfterT0(1)).build(),
                aMessage().in(app, 1).numbered(2).sentBy("alice").createdAt(millisAfterT0(2)).build()));
        assertThat(entry(app).lastMessage().reactions().isEmpty()).isTrue();
        assertThat(entry(app).receipts()).isEmpty();

        reactions.applyAll(List.of(aReaction().on(app, 1, 2).by("bob").ofType("like").at(millisAfterT0(3)).build(),
                aReaction().on(app, 1, 2).by("carol").ofType("like").at(millisAfterT0(3)).build()));
        assertThat(entry(app).lastMessage().reactions().counts()).isEqualTo(Map.of("like", 2L));
        reactions.applyAll(List.of(aReaction().on(app, 1, 1).by("bob").ofType("wow").at(millisAfterT0(4)).build()));
        assertThat(entry(app).lastMessage().reactions().counts()).isEqualTo(Map.of("like", 2L));

        receipts.saveAll(List.of(new Receipt(app, ChatNumber.of(1), new UserId("bob"), 2, 1, millisAfterT0(5))));
        receipts.saveAll(List.of(new Receipt(app, ChatNumber.of(1), new UserId("bob"), 2, 2, millisAfterT0(6)),
                new Receipt(app, ChatNumber.of(1), new UserId("alice"), 2, 0, millisAfterT0(6))));
        assertThat(entry(app).receipts()).isEqualTo(Map.of(
                new UserId("bob"), new Receipt(app, ChatNumber.of(1), new UserId("bob"), 2, 2, millisAfterT0(6)),
                new UserId("alice"), new Receipt(app, ChatNumber.of(1), new UserId("alice"), 2, 0, millisAfterT0(6))));

        messages.saveAll(List.of(aMessage().in(app, 1).numbered(3).createdAt(millisAfterT0(7)).build()));
        assertThat(entry(app).lastMessage().number().value()).isEqualTo(3);
        assertThat(entry(app).lastMessage().reactions().isEmpty()).isTrue();

        reactions.applyAll(List.of(aReaction().on(app, 1, 4).by("bob").ofType("clap").scoring(3).at(millisAfterT0(8)).build()));
        assertThat(entry(app).lastMessage().reactions().isEmpty()).isTrue(); // message 4 is not stored yet
        messages.saveAll(List.of(aMessage().in(app, 1).numbered(4).createdAt(millisAfterT0(9)).build()));
        assertThat(entry(app).lastMessage().reactions().scores()).isEqualTo(Map.of("clap", 3L));
        for (InboxFilter filter : List.of(new InboxFilter(null, Set.of(), new UserId("bob")), InboxFilter.among(Set.of(ChatNumber.of(1))))) {
            assertThat(store.inbox(app, filter, null, 10).getFirst()).isEqualTo(entry(app));
        }
    }

    /** The receipts come with the chat from their copy on its row; a row without a copy leaves them to the table. */
    @Test
    void aChatIsFoundWithTheReceiptsCopiedOnItsRow() {
        AppId app = newApp();
        store.saveAll(List.of(aChat().inApp(app).numbered(1).withParticipants("alice", "bob").build(),
                aChat().inApp(app).numbered(2).build()));
        Receipt bob = new Receipt(app, ChatNumber.of(1), new UserId("bob"), 4, 2, millisAfterT0(5));
        receipts.saveAll(List.of(bob));

        assertThat(store.findWithReceipts(app, ChatNumber.of(1)).orElseThrow().receipts())
                .contains(Map.of(new UserId("bob"), bob));
        assertThat(store.findWithReceipts(app, ChatNumber.of(2)).orElseThrow().receipts()).isEmpty();
    }

    private ChatStore.InboxEntry entry(AppId app) {
        return store.inbox(app, InboxFilter.ALL, null, 10).getFirst();
    }

    @Test
    void walkingTheInboxWhileChatsGetMessagesNeverRepeatsAChatNorLosesAQuietOne() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (long n = 1; n <= 200; n++) {
            // Every other pair shares an instant, so numbers break ties; a third of the chats are alice's.
            chats.add(aChat().inApp(app).numbered(n).withParticipants(n % 3 == 0 ? new String[]{"alice", "bob"}
                    : new String[]{"bob"}).createdAt(millisAfterT0(n / 2 * 1000)).build());
        }
        store.saveAll(chats);

        assertWalkUnderActivity(app, InboxFilter.ALL, 200);
        assertWalkUnderActivity(app, new InboxFilter(null, Set.of(), new UserId("alice")), 66);
    }

    /** Between pages, messages move random chats, seen and unseen, to the top of the inbox. */
    private void assertWalkUnderActivity(AppId app, InboxFilter filter, int chats) {
        Random random = new Random(7);
        List<Long> walked = new ArrayList<>();
        Set<Long> moved = new HashSet<>();
        InboxPosition after = null;
        long messageNumber = 1_000 * (filter.participant() == null ? 1 : 2);
        Instant now = millisAfterT0(1_000_000);
        for (int pages = 0; pages < 100; pages++) {
            List<Chat> page = store.page(app, filter, after, 7);
            page.forEach(chat -> walked.add(chat.number().value()));
            if (page.size() < 7) {
                break;
            }
            after = new InboxPosition(page.getLast().activityAt(), page.getLast().number().value());
            for (int i = 0; i < 3; i++) {
                long chat = 1 + random.nextInt(200);
                now = now.plusMillis(1);
                messages.saveAll(List.of(aMessage().in(app, chat).numbered(++messageNumber).createdAt(now).build()));
                moved.add(chat);
            }
        }

        assertThat(walked).doesNotHaveDuplicates();
        Set<Long> quietOnes = new HashSet<>();
        for (long n = 1; n <= 200; n++) {
            if (!moved.contains(n) && (filter.participant() == null || n % 3 == 0)) {
                quietOnes.add(n);
            }
        }
        assertThat(walked).containsAll(quietOnes);
        assertThat(walked.size()).isLessThanOrEqualTo(chats);
    }
}
