package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.chatplatform.application.mothers.Receipts.aReceipt;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ReceiptStore}'s Javadoc promises, for the fake and for MySQL. */
public abstract class ReceiptStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract ReceiptStore receiptStore();

    private ReceiptStore store;

    private ReceiptStore subject() {
        if (store == null) {
            store = receiptStore();
        }
        return store;
    }

    @Test
    void aChatWithoutReceiptsHasNone() {
        AppId app = newApp();

        assertThat(subject().ofChat(app, ChatNumber.of(1))).isEmpty();
        assertThat(subject().ofChats(app, List.of(ChatNumber.of(1), ChatNumber.of(2)))).isEmpty();
        assertThat(subject().ofChats(app, List.of())).isEmpty();
    }

    @Test
    void savedReceiptsAreFoundByUser() {
        AppId app = newApp();
        Receipt alice = aReceipt().in(app, 1).of("alice").deliveredUpTo(7).readUpTo(5).build();
        Receipt bob = aReceipt().in(app, 1).of("Bob").deliveredUpTo(3).build();

        subject().saveAll(List.of(alice, bob));

        assertThat(subject().ofChat(app, ChatNumber.of(1)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(new UserId("alice"), alice, new UserId("Bob"), bob));
    }

    @Test
    void cursorsMovingBackwardsAreIgnored() {
        AppId app = newApp();
        Receipt ahead = aReceipt().in(app, 1).deliveredUpTo(10).readUpTo(8).updatedAt(secondsAfterT0(1)).build();
        Receipt behind = aReceipt().in(app, 1).deliveredUpTo(4).readUpTo(2).updatedAt(secondsAfterT0(2)).build();

        subject().saveAll(List.of(ahead));
        subject().saveAll(List.of(behind));

        Receipt stored = subject().ofChat(app, ChatNumber.of(1)).get(new UserId("alice"));
        assertThat(stored.deliveredUpTo()).isEqualTo(10);
        assertThat(stored.readUpTo()).isEqualTo(8);
    }

    @Test
    void eachCursorTakesTheLargerValueWhateverTheOrder() {
        AppId app = newApp();
        Receipt delivered = aReceipt().in(app, 1).deliveredUpTo(9).readUpTo(1).updatedAt(secondsAfterT0(1)).build();
        Receipt read = aReceipt().in(app, 1).deliveredUpTo(0).readUpTo(6).updatedAt(secondsAfterT0(2)).build();

        subject().saveAll(List.of(read, delivered));
        subject().saveAll(List.of(delivered, read, delivered));

        assertThat(subject().ofChat(app, ChatNumber.of(1)).get(new UserId("alice")))
                .isEqualTo(delivered.merge(read))
                .satisfies(r -> {
                    assertThat(r.deliveredUpTo()).isEqualTo(9);
                    assertThat(r.readUpTo()).isEqualTo(6);
                });
    }

    @Test
    void readingImpliesDelivery() {
        AppId app = newApp();
        subject().saveAll(List.of(aReceipt().in(app, 1).deliveredUpTo(2).build()));

        subject().saveAll(List.of(aReceipt().in(app, 1).readUpTo(12).updatedAt(secondsAfterT0(1)).build()));

        Receipt stored = subject().ofChat(app, ChatNumber.of(1)).get(new UserId("alice"));
        assertThat(stored.deliveredUpTo()).isEqualTo(12);
        assertThat(stored.readUpTo()).isEqualTo(12);
    }

    @Test
    void receiptsOfSeveralChatsAreGroupedByChatAndScopedByApplication() {
        AppId app = newApp();
        AppId otherApp = newApp();
        Receipt first = aReceipt().in(app, 1).of("alice").deliveredUpTo(1).build();
        Receipt second = aReceipt().in(app, 2).of("alice").deliveredUpTo(2).build();
        Receipt secondBob = aReceipt().in(app, 2).of("bob").readUpTo(2).build();
        subject().saveAll(List.of(first, second, secondBob,
                aReceipt().in(app, 3).of("carol").deliveredUpTo(3).build(),
                aReceipt().in(otherApp, 1).of("mallory").deliveredUpTo(9).build()));

        Map<ChatNumber, Map<UserId, Receipt>> found = subject().ofChats(app,
                List.of(ChatNumber.of(1), ChatNumber.of(2), ChatNumber.of(4)));

        assertThat(found).containsOnlyKeys(ChatNumber.of(1), ChatNumber.of(2));
        assertThat(found.get(ChatNumber.of(1))).containsExactlyEntriesOf(Map.of(new UserId("alice"), first));
        assertThat(found.get(ChatNumber.of(2)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(new UserId("alice"), second, new UserId("bob"), secondBob));
        assertThat(subject().ofChat(otherApp, ChatNumber.of(1))).containsOnlyKeys(new UserId("mallory"));
    }
}
