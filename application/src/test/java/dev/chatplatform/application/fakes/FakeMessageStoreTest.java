package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.MessageStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeMessageStoreTest extends MessageStoreContract {

    private final FakeChatStore chats = new FakeChatStore();
    private final FakeMessageStore messages = new FakeMessageStore(chats);

    @Override
    protected MessageStore messageStore() {
        return messages;
    }

    @Override
    protected ChatStore chatStore() {
        return chats;
    }
}
