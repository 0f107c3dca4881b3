package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.ChatStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.ReceiptStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeChatStoreTest extends ChatStoreContract {

    private final FakeChatStore chats = new FakeChatStore();
    private final FakeMessageStore messages = new FakeMessageStore(chats);
    private final FakeReceiptStore receipts = new FakeReceiptStore();

    @Override
    protected ChatStore chatStore() {
        return chats.withMessagesAndReceipts(messages, receipts);
    }

    @Override
    protected MessageStore messageStore() {
        return messages;
    }

    @Override
    protected ReceiptStore receiptStore() {
        return receipts;
    }
}
